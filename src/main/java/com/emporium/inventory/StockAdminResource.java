package com.emporium.inventory;

import com.emporium.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Staff receive, adjust and count stock; each change is recorded with the caller and a reason. */
@Path("admin/inventory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class StockAdminResource {
    @Inject
    StockService stock;

    @Inject
    ReservationSweeper sweeper;

    @Inject
    JsonWebToken caller;

    @GET
    @Path("stock/{sku}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public StockView stock(@PathParam("sku") @Size(max = 64) String sku) {
        return stock.stock(sku);
    }

    @POST
    @Path("stock/{sku}/receipts")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public StockView receive(@PathParam("sku") @Size(max = 64) String sku, @Valid @NotNull Receipt receipt) {
        return stock.receive(sku, receipt, caller.getSubject());
    }

    @POST
    @Path("stock/{sku}/adjustments")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public StockView adjust(@PathParam("sku") @Size(max = 64) String sku, @Valid @NotNull Adjustment adjustment) {
        return stock.adjust(sku, adjustment, caller.getSubject());
    }

    /** A stock count: sets the absolute number on hand at one location. */
    @PUT
    @Path("stock/{sku}/locations/{location}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public StockView count(
            @PathParam("sku") @Size(max = 64) String sku,
            @PathParam("location") @Size(max = 40) String location,
            @Valid @NotNull StockCount count) {
        return stock.count(sku, location, count, caller.getSubject());
    }

    @GET
    @Path("stock/{sku}/movements")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public List<MovementView> movements(
            @PathParam("sku") @Size(max = 64) String sku,
            // Text, checked here: a JAX-RS conversion failure on a query parameter would be a 404.
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Pattern(
                            regexp = "^([1-9]\\d{0,1}|[1-4]\\d{2}|500)$",
                            message = "must be a whole number from 1 to 500")
                    String limit) {
        return stock.movements(sku, Integer.parseInt(limit));
    }

    @GET
    @Path("locations")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public List<LocationView> locations() {
        return stock.locations();
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; `Location` names the new resource, the body is it.",
            headers = {@Header(name = "Location", ref = "Location")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LocationView.class)))
    @POST
    @Path("locations")
    @RolesAllowed(Roles.ADMIN)
    public Response createLocation(@Valid @NotNull NewLocation location, @Context UriInfo uri) {
        LocationView created = stock.createLocation(location);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.code()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("locations/{code}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public LocationView location(@PathParam("code") @Size(max = 40) String code) {
        return stock.locationByCode(code);
    }

    /**
     * Runs one expiry sweep now on this replica, the same code the scheduled sweeper runs. For operators
     * and for tests that race sweepers; concurrent sweeps are safe.
     */
    @POST
    @Path("sweeps")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Integer> sweep() {
        return Map.of("released", sweeper.sweep());
    }
}
