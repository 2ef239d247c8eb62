package com.emporium.cart;

import com.emporium.platform.Roles;
import com.emporium.platform.http.IfMatch;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Guest and customer carts. A guest proves a cart is theirs with the {@code Cart-Token} header it got
 * when creating the cart; a customer with their access token. Every write sends {@code If-Match} and
 * answers the whole priced cart with its new ETag.
 */
@Path("carts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CartResource {
    static final String TOKEN_HEADER = "Cart-Token";

    @Inject
    CartService carts;

    @Context
    SecurityContext security;

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    public Response create(@Context UriInfo uri) {
        CartView cart = carts.create(access(null));
        return Response.created(uri.getAbsolutePathBuilder().path(cart.id()).build())
                .tag(IfMatch.tagOf(cart.version()))
                .entity(cart)
                .build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public Response get(@PathParam("id") @Size(max = 36) String id, @HeaderParam(TOKEN_HEADER) String token) {
        return answer(carts.get(id, access(token)));
    }

    @POST
    @Path("{id}/lines")
    @PermitAll
    public Response addLine(
            @PathParam("id") @Size(max = 36) String id,
            @HeaderParam(TOKEN_HEADER) String token,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LineRequest request) {
        return answer(carts.addLine(id, access(token), IfMatch.requiredVersion(ifMatch), request));
    }

    @PATCH
    @Path("{id}/lines/{sku}")
    @PermitAll
    public Response changeLine(
            @PathParam("id") @Size(max = 36) String id,
            @PathParam("sku") @Size(max = 64) String sku,
            @HeaderParam(TOKEN_HEADER) String token,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LineUpdate update) {
        return answer(carts.changeLine(id, access(token), IfMatch.requiredVersion(ifMatch), sku, update));
    }

    @DELETE
    @Path("{id}/lines/{sku}")
    @PermitAll
    public Response removeLine(
            @PathParam("id") @Size(max = 36) String id,
            @PathParam("sku") @Size(max = 64) String sku,
            @HeaderParam(TOKEN_HEADER) String token,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(carts.removeLine(id, access(token), IfMatch.requiredVersion(ifMatch), sku));
    }

    /** Shipping country/region (tax and shipping options) and the coupon code. */
    @PATCH
    @Path("{id}")
    @PermitAll
    public Response update(
            @PathParam("id") @Size(max = 36) String id,
            @HeaderParam(TOKEN_HEADER) String token,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CartDetails details) {
        return answer(carts.update(id, access(token), IfMatch.requiredVersion(ifMatch), details));
    }

    /** After sign-in: merges the guest cart named here (with its Cart-Token) into the caller's cart. */
    @POST
    @Path("{id}/claim")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response claim(@PathParam("id") @Size(max = 36) String id, @HeaderParam(TOKEN_HEADER) String token) {
        return answer(carts.claim(id, token == null ? "" : token, subject().orElseThrow()));
    }

    private CartAccess access(String token) {
        return new CartAccess(subject(), Optional.ofNullable(token));
    }

    /** The account behind a verified access token, if the request carries one. */
    private Optional<String> subject() {
        return security.getUserPrincipal() instanceof JsonWebToken jwt
                ? Optional.ofNullable(jwt.getSubject())
                : Optional.empty();
    }

    private static Response answer(CartView cart) {
        return Response.ok(cart).tag(IfMatch.tagOf(cart.version())).build();
    }
}
