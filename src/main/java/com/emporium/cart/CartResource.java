package com.emporium.cart;

import com.emporium.platform.Roles;
import com.emporium.platform.http.IfMatch;
import com.emporium.platform.security.BrowserSession;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Guest and customer carts. A guest proves a cart is theirs with the {@code Cart-Token} header it got
 * when creating the cart; a customer with their access token. In browser mode ({@code ?mode=cookie} at
 * creation) the guest's token is set as an HttpOnly {@code __Host-} cookie instead and read from it when
 * no header is sent. Every write sends {@code If-Match} and answers the whole priced cart with its new ETag.
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

    @Context
    HttpHeaders headers;

    /** The cookie lives as long as an untouched guest cart does; the sweeper deletes the cart after that. */
    @Inject
    @ConfigProperty(name = "emporium.cart.guest-idle-days", defaultValue = "7")
    int guestIdleDays;

    @APIResponse(
            responseCode = "201",
            description =
                    "A new empty cart; a guest cart carries its token (or, with mode=cookie, sets it as a cookie).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CartView.class)),
            headers = {
                @Header(name = "ETag", ref = "ETag"),
                @Header(name = "Location", description = "The cart.", schema = @Schema(type = SchemaType.STRING))
            })
    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    public Response create(
            @QueryParam("mode") @Pattern(regexp = "cookie", message = "must be cookie or absent") String mode,
            @Context UriInfo uri) {
        CartView cart = carts.create(new CartAccess(subject(), Optional.empty()));
        Response.ResponseBuilder created = Response.created(
                        uri.getAbsolutePathBuilder().path(cart.id()).build())
                .tag(IfMatch.tagOf(cart.version()));
        if (mode != null && cart.token() != null) {
            return created.header(
                            "Set-Cookie",
                            BrowserSession.cookie(
                                    BrowserSession.CART_COOKIE, cart.token(), Duration.ofDays(guestIdleDays)))
                    .entity(cart.withoutToken())
                    .build();
        }
        return created.entity(cart).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The whole priced cart.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CartView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @GET
    @Path("{id}")
    @PermitAll
    public Response get(@PathParam("id") @Size(max = 36) String id, @HeaderParam(TOKEN_HEADER) String token) {
        return answer(carts.get(id, access(token)));
    }

    @APIResponse(
            responseCode = "200",
            description = "The whole priced cart.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CartView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
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

    @APIResponse(
            responseCode = "200",
            description = "The whole priced cart.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CartView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
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

    @APIResponse(
            responseCode = "200",
            description = "The whole priced cart.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CartView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
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
    @APIResponse(
            responseCode = "200",
            description = "The whole priced cart.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CartView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
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
    @APIResponse(
            responseCode = "200",
            description = "The whole priced cart.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CartView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @POST
    @Path("{id}/claim")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response claim(@PathParam("id") @Size(max = 36) String id, @HeaderParam(TOKEN_HEADER) String token) {
        String guestToken = token != null ? token : cookieToken().orElse("");
        return answer(carts.claim(id, guestToken, subject().orElseThrow()));
    }

    private CartAccess access(String token) {
        return new CartAccess(subject(), Optional.ofNullable(token).or(this::cookieToken));
    }

    /** Browser mode: the guest's token from its cookie, used only when no Cart-Token header is sent. */
    private Optional<String> cookieToken() {
        Cookie cookie = headers.getCookies().get(BrowserSession.CART_COOKIE);
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
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
