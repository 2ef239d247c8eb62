package com.emporium.pricing;

import com.emporium.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Staff manage promotions and tax rates. */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PricingAdminResource {
    @Inject
    PricingAdmin admin;

    @GET
    @Path("promotions")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public List<PromotionView> promotions() {
        return admin.promotions();
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; the body is the new promotion.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PromotionView.class)))
    @POST
    @Path("promotions")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response createPromotion(@Valid @NotNull PromotionRequest request) {
        return Response.status(201).entity(admin.create(request)).build();
    }

    @GET
    @Path("promotions/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public PromotionView promotion(@PathParam("id") long id) {
        return admin.promotion(id);
    }

    /** Edits a promotion, or ends it ({@code active: false}); fields left out stay as they are. */
    @PATCH
    @Path("promotions/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public PromotionView changePromotion(@PathParam("id") long id, @Valid @NotNull PromotionChange change) {
        return admin.change(id, change);
    }

    @GET
    @Path("tax-rates")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public List<TaxRateRequest> taxRates(@QueryParam("country") @Pattern(regexp = "[A-Z]{2}") String country) {
        return admin.taxRates(country);
    }

    @PUT
    @Path("tax-rates")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public TaxRateRequest setTaxRate(@Valid @NotNull TaxRateRequest request) {
        return admin.setTaxRate(request);
    }
}
