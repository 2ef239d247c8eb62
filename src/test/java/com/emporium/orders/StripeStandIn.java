package com.emporium.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Stripe's API on the port the build reserved (the test server's stripe-java points at
 * it), answering in Stripe's JSON shapes, plus a webhook signer using Stripe's scheme: HMAC-SHA256 over
 * {@code timestamp.payload}, sent as {@code t=...,v1=...}.
 */
final class StripeStandIn {
    static final String SECRET = System.getProperty("it.stripe.webhook-secret", "whsec_it_only_signing_secret");
    private static WireMockServer server;

    private StripeStandIn() {}

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().port(Integer.getInteger("it.stripe.port", 18089)));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    static String intentKey(long orderId) {
        return "order-" + orderId + "-payment-intent";
    }

    /** A PaymentIntent as Stripe's API returns it. */
    static String intent(String id, long orderId, long amount, String currency, String status) {
        return """
                {"id":"%1$s","object":"payment_intent","amount":%2$d,"amount_capturable":0,
                 "amount_received":%3$d,"automatic_payment_methods":{"allow_redirects":"always","enabled":true},
                 "capture_method":"automatic","client_secret":"%1$s_secret_it","confirmation_method":"automatic",
                 "created":%4$d,"currency":"%5$s","last_payment_error":%6$s,"livemode":false,
                 "metadata":{"order_id":"%7$d"},"payment_method_types":["card"],"status":"%8$s"}""".formatted(
                        id,
                        amount,
                        "succeeded".equals(status) ? amount : 0,
                        Instant.now().getEpochSecond(),
                        currency.toLowerCase(Locale.ROOT),
                        "requires_payment_method".equals(status)
                                ? "{\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
                                        + "\"message\":\"Your card has insufficient funds.\",\"type\":\"card_error\"}"
                                : "null",
                        orderId,
                        status);
    }

    /** Creating the order's intent answers {@code intentId}, only for the order's idempotency key. */
    static StubMapping answerCreate(long orderId, String intentId, long amount, String currency, int delayMillis) {
        return server().stubFor(post(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo(intentKey(orderId)))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Request-Id", "req_it")
                        .withFixedDelay(delayMillis)
                        .withBody(intent(intentId, orderId, amount, currency, "requires_payment_method"))));
    }

    static StubMapping answerRetrieve(long orderId, String intentId, long amount, String currency, String status) {
        return server().stubFor(get(urlEqualTo("/v1/payment_intents/" + intentId))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(intent(intentId, orderId, amount, currency, status))));
    }

    /** Every refund for this intent succeeds at once, as Stripe answers card refunds. */
    static StubMapping answerRefunds(String intentId, String currency) {
        return server().stubFor(post(urlEqualTo("/v1/refunds"))
                .withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.containing("payment_intent=" + intentId))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        // One Stripe refund per idempotency key, as Stripe makes them: its id is built from the key.
                        .withTransformers("response-template")
                        .withBody("""
                                {"id":"re_it_{{request.headers.[Idempotency-Key]}}","object":"refund","amount":1,
                                 "charge":"ch_it","created":%d,"currency":"%s","metadata":{},"payment_intent":"%s",
                                 "reason":null,"status":"succeeded"}""".formatted(
                                        Instant.now().getEpochSecond(), currency.toLowerCase(Locale.ROOT), intentId))));
    }

    /** Creating the order's intent fails with {@code status} and Stripe's error body, as in an outage. */
    static StubMapping failCreate(long orderId, int status) {
        return server().stubFor(post(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo(intentKey(orderId)))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Request-Id", "req_it_outage")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"An unknown error occurred.\"}}")));
    }

    /** A Refund as Stripe's API returns it; {@code ourId} is the refund_id metadata Emporium sends, or null. */
    static String refund(String id, String intentId, long amount, String currency, String status, Long ourId) {
        return """
                {"id":"%s","object":"refund","amount":%d,"charge":"ch_it_%s","created":%d,"currency":"%s",
                 "metadata":%s,"payment_intent":"%s","reason":null,"status":"%s"}""".formatted(
                        id,
                        amount,
                        intentId,
                        Instant.now().getEpochSecond(),
                        currency.toLowerCase(Locale.ROOT),
                        ourId == null ? "{}" : "{\"refund_id\":\"" + ourId + "\"}",
                        intentId,
                        status);
    }

    /** A Charge of the intent with {@code amountRefunded} refunded, listing {@code refunds} (JSON objects). */
    static String charge(String intentId, long amount, String currency, long amountRefunded, String... refunds) {
        return """
                {"id":"ch_it_%1$s","object":"charge","amount":%2$d,"amount_captured":%2$d,"amount_refunded":%3$d,
                 "captured":true,"created":%4$d,"currency":"%5$s","livemode":false,"metadata":{},"paid":true,
                 "payment_intent":"%1$s","refunded":%6$s,"refunds":{"object":"list","data":[%7$s],"has_more":false,
                 "total_count":%8$d,"url":"/v1/charges/ch_it_%1$s/refunds"},"status":"succeeded"}""".formatted(
                        intentId,
                        amount,
                        amountRefunded,
                        Instant.now().getEpochSecond(),
                        currency.toLowerCase(Locale.ROOT),
                        amountRefunded >= amount,
                        String.join(",", refunds),
                        refunds.length);
    }

    /** Every refund created for this intent answers {@code status} with Stripe id {@code refundId}. */
    static StubMapping answerRefundsWith(String intentId, String refundId, String currency, String status, int delay) {
        return server().stubFor(post(urlEqualTo("/v1/refunds"))
                .withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.containing("payment_intent=" + intentId))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(delay)
                        .withBody(refund(refundId, intentId, 1, currency, status, null))));
    }

    /** Retrieving a refund by its Stripe id. */
    static StubMapping answerRefund(String refundId, String body) {
        return server().stubFor(get(urlEqualTo("/v1/refunds/" + refundId))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    /** Listing the refunds of an intent answers these refunds (JSON objects). */
    static StubMapping answerRefundList(String intentId, String... refunds) {
        return server().stubFor(get(urlPathEqualTo("/v1/refunds"))
                .withQueryParam("payment_intent", equalTo(intentId))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"object\":\"list\",\"data\":[" + String.join(",", refunds)
                                + "],\"has_more\":false,\"url\":\"/v1/refunds\"}")));
    }

    static List<LoggedRequest> refunds(String intentId) {
        return server().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.containing("payment_intent=" + intentId)));
    }

    /** Every PaymentIntent creation the stand-in received for this order, told by the metadata in the form body. */
    static List<LoggedRequest> creates(long orderId) {
        return server().findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))).stream()
                .filter(r -> java.util.Arrays.asList(
                                java.net.URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8)
                                        .split("&"))
                        .contains("metadata[order_id]=" + orderId))
                .toList();
    }

    /** The statuses the stand-in answered to this order's PaymentIntent creations, in the order received. */
    static List<Integer> createAnswers(long orderId) {
        List<String> ids =
                creates(orderId).stream().map(r -> r.getId().toString()).toList();
        // The journal lists the newest first.
        return server().getAllServeEvents().stream()
                .filter(e -> ids.contains(e.getRequest().getId().toString()))
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> e.getResponse().getStatus())
                .toList();
    }

    /** An event as Stripe posts it, of the library's API version, with {@code object} as its data. */
    static String event(String id, String type, String object) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"data":{"object":%s},
                 "livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s"}""".formatted(id, Stripe.API_VERSION, Instant.now().getEpochSecond(), object, type);
    }

    static String signature(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signature(String payload) {
        return signature(payload, SECRET, Instant.now().getEpochSecond());
    }
}
