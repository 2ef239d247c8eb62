package com.emporium.notify;

import com.emporium.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Outgoing webhooks for integrators. Admins manage endpoints (the signing secret is in the creation
 * answer only) and send deliveries again; staff read the delivery log.
 */
@Path("admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {
    @Inject
    WebhookService webhooks;

    @APIResponse(
            responseCode = "201",
            description = "Created; `Location` names the new resource, the body is it.",
            headers = {@Header(name = "Location", ref = "Location")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(
            @Valid @NotNull WebhookRequest request, @Context SecurityContext caller, @Context UriInfo uri) {
        WebhookView created = webhooks.create(request, caller.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<WebhookView> list() {
        return webhooks.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public WebhookView get(@PathParam("id") long id) {
        return webhooks.get(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public WebhookView replace(@PathParam("id") long id, @Valid @NotNull WebhookRequest request) {
        return webhooks.replace(id, request);
    }

    @APIResponse(responseCode = "204", description = "Done; no body.")
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response remove(@PathParam("id") long id) {
        webhooks.remove(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public List<WebhookDeliveryView> deliveries(@PathParam("id") long id) {
        return webhooks.deliveries(id);
    }

    @APIResponse(responseCode = "202", description = "Accepted; the work continues in the background.")
    @POST
    @Path("{id}/deliveries/{deliveryId}/redelivery")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    public Response redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        webhooks.redeliver(id, deliveryId);
        return Response.accepted().build();
    }
}
