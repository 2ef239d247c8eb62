package com.emporium.inventory;

import com.emporium.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A caller's own stock holds. Checkout will drive these; until then customers may call them directly.
 * The owner is the token's subject, so nobody can see or end someone else's hold.
 */
@Path("reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ReservationResource {
    @Inject
    ReservationService reservations;

    @Inject
    JsonWebToken caller;

    @APIResponse(
            responseCode = "201",
            description = "Created; `Location` names the new resource, the body is it.",
            headers = {@Header(name = "Location", ref = "Location")},
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ReservationView.class)))
    @POST
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response reserve(@Valid @NotNull ReservationRequest request, @Context UriInfo uri) {
        ReservationView view = reservations.reserve(caller.getSubject(), request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(view.id()))
                        .build())
                .entity(view)
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public ReservationView get(@PathParam("id") long id) {
        return reservations.get(caller.getSubject(), id);
    }

    /** Holds the units for another full hold period from now. */
    @POST
    @Path("{id}/extension")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public ReservationView extend(@PathParam("id") long id) {
        return reservations.extend(caller.getSubject(), id);
    }

    @APIResponse(responseCode = "204", description = "Done; no body.")
    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response release(@PathParam("id") long id) {
        reservations.release(caller.getSubject(), id);
        return Response.noContent().build();
    }
}
