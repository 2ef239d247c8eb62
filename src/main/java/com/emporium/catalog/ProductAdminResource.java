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

/**
 * Staff manage products and their variants. Every write to an existing product or variant names the
 * version it read (If-Match); the answer carries the new ETag.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ProductAdminResource {
    @Inject
    ProductService products;

    @APIResponse(
            responseCode = "200",
            description = "The product, drafts and archived ones included.",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @GET
    @Path("products/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response get(@PathParam("id") long id) {
        return withTag(Response.ok(), products.get(id));
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; `Location` names the new resource, the body is it.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @POST
    @Path("products")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response create(@Valid @NotNull ProductRequest request, @Context UriInfo uri) {
        ProductView view = products.create(request);
        return withTag(
                Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(view.id()))
                        .build()),
                view);
    }

    @APIResponse(
            responseCode = "200",
            description = "The updated product.",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @PUT
    @Path("products/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response update(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProductUpdate update) {
        return withTag(Response.ok(), products.update(id, IfMatch.requiredVersion(ifMatch), update));
    }

    /**
     * Archives the product: it leaves the public catalog but stays for orders that reference it. An
     * If-Match, when sent, must name the current version.
     */
    @APIResponse(responseCode = "204", description = "Done; no body.")
    @DELETE
    @Path("products/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response archive(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        products.archive(id, IfMatch.optionalVersion(ifMatch));
        return Response.noContent().build();
    }

    /** Adds a variant; If-Match names the product's version, since the product's price may change. */
    @APIResponse(
            responseCode = "201",
            description = "Created; `Location` names the new variant, the body is its whole product.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @POST
    @Path("products/{id}/variants")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response addVariant(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull VariantRequest request,
            @Context UriInfo uri) {
        ProductView view = products.addVariant(id, IfMatch.requiredVersion(ifMatch), request);
        long variantId = view.variants().stream()
                .filter(v -> v.sku().equals(request.sku()))
                .findFirst()
                .orElseThrow()
                .id();
        return withTag(
                Response.created(uri.getBaseUriBuilder()
                        .path(ProductAdminResource.class)
                        .path("variants")
                        .path(Long.toString(variantId))
                        .build()),
                view);
    }

    @APIResponse(
            responseCode = "200",
            description = "The variant.",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ProductView.VariantView.class)))
    @GET
    @Path("variants/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response variant(@PathParam("id") long id) {
        ProductView.VariantView variant = products.variant(id);
        return Response.ok(variant).tag(IfMatch.tagOf(variant.version())).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The revised variant.",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ProductView.VariantView.class)))
    @PUT
    @Path("variants/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response reviseVariant(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull VariantRequest request) {
        ProductView.VariantView variant = products.reviseVariant(id, IfMatch.requiredVersion(ifMatch), request);
        return Response.ok(variant).tag(IfMatch.tagOf(variant.version())).build();
    }

    @APIResponse(responseCode = "204", description = "Done; no body.")
    @DELETE
    @Path("variants/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public Response archiveVariant(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        products.archiveVariant(id, IfMatch.optionalVersion(ifMatch));
        return Response.noContent().build();
    }

    private static Response withTag(Response.ResponseBuilder builder, ProductView view) {
        return builder.entity(view).tag(IfMatch.tagOf(view.version())).build();
    }
}
