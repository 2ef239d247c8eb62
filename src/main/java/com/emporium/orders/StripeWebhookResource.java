package com.emporium.orders;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Stripe's webhook. Public by necessity: the Stripe-Signature header (HMAC over the raw body with the
 * shop's signing secret) is the authentication, so the body is taken as the exact String Stripe signed.
 * Stripe sends no cookies, so the browser-session CSRF checks never apply to it.
 */
@Path("payments/stripe/webhook")
public class StripeWebhookResource {
    @Inject
    StripePayments payments;

    /** 200 for every event verified, handled, ignored or seen before; 400 for anything unverifiable. */
    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> receive(
            @HeaderParam("Stripe-Signature") String signature,
            @RequestBody(
                            description = "A Stripe event (stripe.com/docs/api/events), as Stripe signed it.",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(type = SchemaType.OBJECT),
                                            examples = @ExampleObject(name = "payment_intent.succeeded", value = """
                                                    {"id": "evt_1PqR2sT3uV4wX5yZ", "object": "event", \
                                                    "type": "payment_intent.succeeded", \
                                                    "data": {"object": {"id": "pi_3PqR2sT3uV4wX5yZ", \
                                                    "object": "payment_intent", "amount": 5000, "currency": "eur"}}}""")))
                    String payload) {
        return Map.of("result", payments.receive(payload == null ? "" : payload, signature));
    }
}
