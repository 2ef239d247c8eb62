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
    public Map<String, String> receive(@HeaderParam("Stripe-Signature") String signature, String payload) {
        return Map.of("result", payments.receive(payload == null ? "" : payload, signature));
    }
}
