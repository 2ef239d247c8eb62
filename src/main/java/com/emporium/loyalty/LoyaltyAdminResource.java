package com.emporium.loyalty;

import com.emporium.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Staff read and correct customers' points; admins check the ledger and run the expiry sweep. */
@Path("admin/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class LoyaltyAdminResource {
    @Inject
    LoyaltyService loyalty;

    @Inject
    LoyaltySweeper sweeper;

    @Inject
    JsonWebToken caller;

    @GET
    @Path("accounts/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public LoyaltyView account(@PathParam("id") long id) {
        return loyalty.viewOfAccount(id);
    }

    /** A correction is a new ledger entry with the caller and the reason; nothing is ever edited. */
    @POST
    @Path("accounts/{id}/adjustments")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public LoyaltyView adjust(@PathParam("id") long id, @Valid @NotNull Adjustment adjustment) {
        return loyalty.adjust(id, adjustment, caller.getSubject());
    }

    /** Recomputes every account's sum from its ledger and lists those whose cached sum differs. */
    @GET
    @Path("drift")
    @RolesAllowed(Roles.ADMIN)
    public LoyaltyService.DriftReport drift() {
        return loyalty.drift();
    }

    /** Runs the expiry and tier sweep now on this replica, the same code the schedule runs; safe to race. */
    @POST
    @Path("expiry")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public LoyaltySweeper.Swept expire() {
        return sweeper.sweep();
    }
}
