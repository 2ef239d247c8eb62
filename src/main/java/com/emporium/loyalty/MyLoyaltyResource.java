package com.emporium.loyalty;

import com.emporium.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A signed-in customer's points: what can be spent, what is pending, what expires next, recent entries. */
@Path("me/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class MyLoyaltyResource {
    @Inject
    LoyaltyService loyalty;

    @Inject
    JsonWebToken caller;

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public LoyaltyView mine() {
        return loyalty.view(caller.getSubject());
    }
}
