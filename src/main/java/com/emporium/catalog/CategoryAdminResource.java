package com.emporium.catalog;

import com.emporium.platform.Roles;
import com.emporium.platform.http.IfMatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Staff edit the category tree. Writes to an existing category need its ETag in If-Match. */
@Path("admin/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class CategoryAdminResource {
    @Inject
    CategoryService categories;

    @APIResponse(
            responseCode = "200",
            description = "The category.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CategoryView.class)))
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response get(@PathParam("id") long id) {
        CategoryView view = categories.get(id);
        return Response.ok(view).tag(IfMatch.tagOf(view.version())).build();
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; `Location` names the new resource, the body is it.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CategoryView.class)))
    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response create(@Valid @NotNull CategoryRequest request, @Context UriInfo uri) {
        CategoryView view = categories.create(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(view.id()))
                        .build())
                .entity(view)
                .tag(IfMatch.tagOf(view.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The renamed category.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CategoryView.class)))
    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response rename(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CategoryRequest request) {
        CategoryView view = categories.rename(id, IfMatch.requiredVersion(ifMatch), request);
        return Response.ok(view).tag(IfMatch.tagOf(view.version())).build();
    }

    /** Archives an empty category; it leaves the public tree. If-Match, when sent, must be current. */
    @APIResponse(responseCode = "204", description = "Done; no body.")
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response archive(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        categories.archive(id, IfMatch.optionalVersion(ifMatch));
        return Response.noContent().build();
    }
}
