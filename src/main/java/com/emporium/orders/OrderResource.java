package com.emporium.orders;

import com.emporium.platform.security.BrowserSession;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Checkout and the customer's view of orders. Guests place with their {@code Cart-Token} and then read
 * and pay with the {@code Order-Token} from the placement answer; customers use their access token.
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {
    static final String ORDER_TOKEN = "Order-Token";

    @Inject
    OrderService orders;

    @Inject
    StripePayments payments;

    @Context
    SecurityContext security;

    /** Requires Idempotency-Key: a retry with the same key and body gets the first answer again. */
    @APIResponse(
            responseCode = "201",
            description =
                    "The placed order with its price snapshot and, for guests, its access token. A retry with the same Idempotency-Key and body answers the same.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)),
            headers =
                    @Header(name = "Location", description = "The order.", schema = @Schema(type = SchemaType.STRING)))
    @POST
    @PermitAll
    public Response place(
            @Parameter(
                            description =
                                    "Required. Any printable ASCII text up to 200 characters, unique per order attempt; kept at least 24 hours.",
                            required = true)
                    @HeaderParam("Idempotency-Key")
                    String key,
            @HeaderParam("Cart-Token") String cartToken,
            @CookieParam(BrowserSession.CART_COOKIE) String cartCookie,
            @Valid @NotNull PlaceOrder request,
            @Context UriInfo uri) {
        if (key == null || key.isEmpty() || key.length() > 200 || !key.matches("[\\x21-\\x7e]+")) {
            throw new OrderProblems.KeyRequired();
        }
        // Browser mode: the guest cart's token comes from its cookie when no header is sent.
        String guestToken = cartToken != null || cartCookie == null || cartCookie.isEmpty() ? cartToken : cartCookie;
        OrderService.Placement placement = orders.place(access(null, guestToken), key, request);
        return Response.status(placement.status())
                .location(uri.getBaseUriBuilder()
                        .path("orders")
                        .path(Long.toString(placement.orderId()))
                        .build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(placement.body())
                .build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public OrderView get(@PathParam("id") long id, @HeaderParam(ORDER_TOKEN) String token) {
        return orders.get(id, access(token, null));
    }

    /**
     * Pays the order's total with a provider; the built-in {@code test} provider approves unless told to
     * decline. With {@code stripe} the answer carries the PaymentIntent's client secret and the order stays
     * PENDING_PAYMENT until Stripe's webhook confirms the payment.
     */
    @APIResponse(
            responseCode = "200",
            description =
                    "The order after the payment attempt (PAID with the test provider; with Stripe, the client secret).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(
            responseCode = "402",
            description =
                    "The provider declined (`/problems/payment-declined`); the order stays unpaid and may be paid again.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @POST
    @Path("{id}/payments")
    @PermitAll
    public OrderView pay(
            @PathParam("id") long id, @HeaderParam(ORDER_TOKEN) String token, @Valid @NotNull PaymentRequest request) {
        return payments.pay(id, access(token, null), request);
    }

    private OrderAccess access(String orderToken, String cartToken) {
        return new OrderAccess(subject(), Optional.ofNullable(orderToken), Optional.ofNullable(cartToken));
    }

    private Optional<String> subject() {
        return security.getUserPrincipal() instanceof JsonWebToken jwt
                ? Optional.ofNullable(jwt.getSubject())
                : Optional.empty();
    }
}
