package com.emporium.identity;

import com.emporium.platform.Roles;
import com.emporium.platform.audit.SecurityEvent;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins create staff and admin accounts, change roles and remove accounts; every call is audited. */
@Path("admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class AccountAdminResource {
    @Inject
    AccountService accounts;

    @APIResponse(
            responseCode = "201",
            description = "Created; `Location` names the new resource, the body is it.",
            headers = {@Header(name = "Location", ref = "Location")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountView.class)))
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(
            @Valid @NotNull NewAccount request, @Context SecurityContext security, @Context UriInfo uri) {
        AccountView account = accounts.create(request, SecurityEvent.actorOf(security.getUserPrincipal()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(account.id()))
                        .build())
                .entity(account)
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public AccountView get(@PathParam("id") long id) {
        return accounts.get(id);
    }

    /** Removes the account with its sessions; its tokens stop working at once. The last admin stays (409). */
    @APIResponse(responseCode = "204", description = "Done; no body.")
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response remove(@PathParam("id") long id, @Context SecurityContext security) {
        accounts.remove(id, SecurityEvent.actorOf(security.getUserPrincipal()));
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/role")
    @RolesAllowed(Roles.ADMIN)
    public AccountView assignRole(
            @PathParam("id") long id, @Valid @NotNull RoleAssignment assignment, @Context SecurityContext security) {
        return accounts.assignRole(id, assignment.assigned(), SecurityEvent.actorOf(security.getUserPrincipal()));
    }
}
