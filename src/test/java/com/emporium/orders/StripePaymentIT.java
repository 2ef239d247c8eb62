package com.emporium.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.RawHttp;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Stripe provider end to end: the real server's stripe-java against the stand-in, and webhooks signed
 * with the test signing secret. Final states are read from the database.
 */
class StripePaymentIT {
    private static final String WEBHOOK = "/api/v1/payments/stripe/webhook";

    record Placed(long id, String token, long total, String currency) {}

    @BeforeAll
    static void standIn() {
        StripeStandIn.server();
    }

    static Placed place() {
        String sku = CheckoutFixture.stockedSkus(5, 1250).get(0);
        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        cart.add(sku, 2).then().statusCode(200);
        Response placed =
                CheckoutFixture.place(cart, UUID.randomUUID().toString(), CheckoutFixture.orderBody(cart.id()));
        placed.then().statusCode(201);
        return new Placed(
                placed.jsonPath().getLong("id"),
                placed.path("accessToken"),
                placed.jsonPath().getLong("total"),
                placed.path("currency"));
    }

    static Response payWithStripe(Placed order) {
        return Api.anonymous()
                .header("Order-Token", order.token())
                .contentType("application/json")
                .body(Map.of("provider", "stripe"))
                .post("/api/v1/orders/{id}/payments", order.id());
    }

    /** Places an order and starts its Stripe payment; answers the intent id. */
    static String startPayment(Placed order) {
        String intentId =
                "pi_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        StripeStandIn.answerCreate(order.id(), intentId, order.total(), order.currency(), 0);
        payWithStripe(order).then().statusCode(200).body("payment.intentId", equalTo(intentId));
        return intentId;
    }

    static Response deliver(String payload, String signature) {
        var request = Api.anonymous().contentType("application/json; charset=utf-8");
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request.body(payload).post(WEBHOOK);
    }

    static String succeededEvent(String eventId, String intentId, Placed order, long amount) {
        return StripeStandIn.event(
                eventId,
                "payment_intent.succeeded",
                StripeStandIn.intent(intentId, order.id(), amount, order.currency(), "succeeded"));
    }

    static String failedEvent(String eventId, String intentId, Placed order) {
        return StripeStandIn.event(
                eventId,
                "payment_intent.payment_failed",
                StripeStandIn.intent(intentId, order.id(), order.total(), order.currency(), "requires_payment_method"));
    }

    static String state(long orderId) {
        return queryString("SELECT state FROM customer_order WHERE id = ?", orderId);
    }

    static String paymentStatus(long orderId) {
        return queryString("SELECT status FROM payment WHERE order_id = ?", orderId);
    }

    static long outbox(long orderId, String type) {
        return CheckoutFixture.queryLong(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?", orderId, type);
    }

    static String queryString(String sql, Object... params) {
        try (var connection = CheckoutFixture.database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void payingWithStripeAnswersTheClientSecretAndKeepsOneIntentPerOrder() {
        Placed order = place();
        String intentId =
                "pi_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        StripeStandIn.answerCreate(order.id(), intentId, order.total(), order.currency(), 0);
        StripeStandIn.answerRetrieve(order.id(), intentId, order.total(), order.currency(), "requires_payment_method");

        payWithStripe(order)
                .then()
                .statusCode(200)
                .body("state", equalTo("PENDING_PAYMENT"))
                .body("payment.provider", equalTo("stripe"))
                .body("payment.status", equalTo("PENDING"))
                .body("payment.clientSecret", equalTo(intentId + "_secret_it"));
        // The customer comes back (another tab, a reload): the same intent, fetched rather than made again.
        payWithStripe(order).then().statusCode(200).body("payment.intentId", equalTo(intentId));

        List<LoggedRequest> creates = StripeStandIn.creates(order.id());
        assertThat(creates).hasSize(1);
        LoggedRequest create = creates.get(0);
        assertThat(create.getHeader("Idempotency-Key")).isEqualTo("order-" + order.id() + "-payment-intent");
        assertThat(create.getBodyAsString())
                .contains("amount=" + order.total())
                .contains("currency=" + order.currency().toLowerCase());
        assertThat(CheckoutFixture.queryLong("SELECT count(*) FROM payment WHERE order_id = ?", order.id()))
                .isEqualTo(1);
        assertThat(state(order.id())).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void aDuplicatedSucceededEventDeliveredTenTimesAtOncePaysOnce() throws Exception {
        Placed order = place();
        String intentId = startPayment(order);
        String payload = succeededEvent("evt_" + UUID.randomUUID(), intentId, order, order.total());
        String signature = StripeStandIn.signature(payload);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Response>> deliveries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                deliveries.add(() -> deliver(payload, signature));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> results = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(deliveries)) {
                statuses.add(f.get().statusCode());
                results.add(f.get().path("result"));
            }
            assertThat(statuses).containsOnly(200);
            assertThat(results)
                    .containsOnlyOnce("paid")
                    .filteredOn(r -> !r.equals("paid"))
                    .containsOnly("duplicate");
        } finally {
            pool.shutdownNow();
        }

        assertThat(state(order.id())).isEqualTo("PAID");
        assertThat(paymentStatus(order.id())).isEqualTo("SUCCEEDED");
        assertThat(CheckoutFixture.queryLong(
                        "SELECT count(*) FROM order_transition WHERE order_id = ? AND to_state = 'PAID'", order.id()))
                .isEqualTo(1);
        assertThat(outbox(order.id(), "order.paid")).isEqualTo(1);
        assertThat(CheckoutFixture.queryLong(
                        "SELECT count(*) FROM reservation r JOIN customer_order o ON o.reservation_id = r.id"
                                + " WHERE o.id = ? AND r.status = 'SOLD'",
                        order.id()))
                .isEqualTo(1);
    }

    @Test
    void aFailureReportedAfterTheSuccessLeavesTheOrderPaid() {
        Placed order = place();
        String intentId = startPayment(order);
        String late = failedEvent("evt_" + UUID.randomUUID(), intentId, order);

        String succeeded = succeededEvent("evt_" + UUID.randomUUID(), intentId, order, order.total());
        deliver(succeeded, StripeStandIn.signature(succeeded)).then().statusCode(200);
        deliver(late, StripeStandIn.signature(late)).then().statusCode(200).body("result", equalTo("ignored-settled"));

        assertThat(state(order.id())).isEqualTo("PAID");
        assertThat(paymentStatus(order.id())).isEqualTo("SUCCEEDED");
        assertThat(outbox(order.id(), "payment.failed")).isZero();
    }

    @Test
    void aFailureThenASuccessEndsPaidAndAnnouncesTheFailure() {
        Placed order = place();
        String intentId = startPayment(order);
        String failed = failedEvent("evt_" + UUID.randomUUID(), intentId, order);
        deliver(failed, StripeStandIn.signature(failed)).then().statusCode(200).body("result", equalTo("failed"));
        assertThat(state(order.id())).isEqualTo("PENDING_PAYMENT");
        assertThat(paymentStatus(order.id())).isEqualTo("FAILED");
        assertThat(outbox(order.id(), "payment.failed")).isEqualTo(1);
        assertThat(queryString(
                        "SELECT payload FROM outbox WHERE aggregate_id = ? AND type = 'payment.failed'", order.id()))
                .contains("\"state\":\"PENDING_PAYMENT\"")
                .contains("\"total\":" + order.total());

        String succeeded = succeededEvent("evt_" + UUID.randomUUID(), intentId, order, order.total());
        deliver(succeeded, StripeStandIn.signature(succeeded))
                .then()
                .statusCode(200)
                .body("result", equalTo("paid"));
        assertThat(state(order.id())).isEqualTo("PAID");
        assertThat(paymentStatus(order.id())).isEqualTo("SUCCEEDED");
    }

    @Test
    void unverifiableDeliveriesAreRefusedWith400AndChangeNothing() {
        Placed order = place();
        String intentId = startPayment(order);
        String eventId = "evt_" + UUID.randomUUID();
        String payload = succeededEvent(eventId, intentId, order, order.total());
        long now = Instant.now().getEpochSecond();
        String good = StripeStandIn.signature(payload);
        String tampered = payload.replace("\"livemode\":false,\"pending", "\"livemode\":true,\"pending");
        String malformed = "{\"id\":\"" + eventId + "\",\"object\":\"event\",";

        Map<String, Response> attempts = new java.util.LinkedHashMap<>();
        attempts.put("no signature", deliver(payload, null));
        attempts.put("garbage signature", deliver(payload, "nonsense"));
        attempts.put("tampered body", deliver(tampered, good));
        attempts.put("wrong secret", deliver(payload, StripeStandIn.signature(payload, "whsec_someone_else", now)));
        attempts.put(
                "stale timestamp", deliver(payload, StripeStandIn.signature(payload, StripeStandIn.SECRET, now - 600)));
        attempts.put("malformed JSON", deliver(malformed, StripeStandIn.signature(malformed)));
        attempts.forEach((what, response) -> {
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.asString()).as(what).doesNotContain("Exception").doesNotContain("whsec");
        });
        assertThat(attempts.get("wrong secret").<String>path("type")).isEqualTo("/problems/webhook-signature-invalid");
        assertThat(attempts.get("stale timestamp").<String>path("type"))
                .isEqualTo("/problems/webhook-signature-invalid");
        assertThat(attempts.get("malformed JSON").<String>path("type")).isEqualTo("/problems/webhook-payload-invalid");

        assertThat(state(order.id())).isEqualTo("PENDING_PAYMENT");
        assertThat(paymentStatus(order.id())).isEqualTo("PENDING");
        assertThat(CheckoutFixture.queryLong("SELECT count(*) FROM stripe_event WHERE id = ?", eventId))
                .isZero();
    }

    @Test
    void anAmountOtherThanTheOrdersIsFlaggedForStaffAndNeverPaid() {
        Placed order = place();
        String intentId = startPayment(order);
        String payload = succeededEvent("evt_" + UUID.randomUUID(), intentId, order, order.total() - 1);
        deliver(payload, StripeStandIn.signature(payload))
                .then()
                .statusCode(200)
                .body("result", equalTo("flagged-mismatch"));

        assertThat(state(order.id())).isEqualTo("PENDING_PAYMENT");
        assertThat(paymentStatus(order.id())).isEqualTo("REVIEW");
        Api.as("staff")
                .get("/api/v1/admin/orders/{id}", order.id())
                .then()
                .statusCode(200)
                .body("payment.status", equalTo("REVIEW"))
                .body("payment.note", notNullValue());
    }

    @Test
    void anUnknownEventTypeIsAcknowledgedAndIgnored() {
        String payload = StripeStandIn.event(
                "evt_" + UUID.randomUUID(), "customer.created", "{\"id\":\"cus_it\",\"object\":\"customer\"}");
        deliver(payload, StripeStandIn.signature(payload))
                .then()
                .statusCode(200)
                .body("result", equalTo("ignored"));
    }

    @Test
    void aTenMegabyteWebhookIsRefusedWith413AndChangesNothing() throws Exception {
        Placed order = place();
        String intentId = startPayment(order);
        String eventId = "evt_" + UUID.randomUUID();
        // A correctly signed succeeded event, padded to 10 MB inside its metadata: only its size is wrong.
        String intent = StripeStandIn.intent(intentId, order.id(), order.total(), order.currency(), "succeeded")
                .replace("\"metadata\":{", "\"metadata\":{\"padding\":\"" + "x".repeat(10 * 1024 * 1024) + "\",");
        String payload = StripeStandIn.event(eventId, "payment_intent.succeeded", intent);
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + WEBHOOK + " HTTP/1.1\r\nHost: localhost:"
                + URI.create(Api.BASE_URL).getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nStripe-Signature: "
                + StripeStandIn.signature(payload);

        Map<String, RawHttp.Answer> answers = new java.util.LinkedHashMap<>();
        answers.put("declared length", RawHttp.exchange(head + "\r\nContent-Length: " + body.length, body));
        answers.put(
                "chunked",
                RawHttp.exchange(
                        head + "\r\nTransfer-Encoding: chunked",
                        RawHttp.chunked(body, 64 * 1024).getBytes(StandardCharsets.ISO_8859_1)));
        answers.forEach((framing, answer) -> {
            assertThat(answer.status()).as(framing).isEqualTo(413);
            assertThat(answer.header("Content-Type")).as(framing).startsWith("application/problem+json");
            assertThat(answer.body()).as(framing).contains("/problems/payload-too-large");
            assertThat(answer.body()).as(framing).doesNotContain("Exception");
        });

        assertThat(CheckoutFixture.queryLong("SELECT count(*) FROM stripe_event WHERE id = ?", eventId))
                .isZero();
        assertThat(state(order.id())).isEqualTo("PENDING_PAYMENT");
        assertThat(paymentStatus(order.id())).isEqualTo("PENDING");
        assertThat(outbox(order.id(), "order.paid")).isZero();
    }

    @Test
    void aPaymentArrivingAfterTheHoldEndedCancelsTheOrderAndAsksStaffToRefundWithout409() {
        Placed order = place();
        String intentId = startPayment(order);
        // The hold runs out and the inventory sweeper ends it before Stripe's event arrives; the order
        // sweeper (hourly on the test servers) has not cancelled the order yet.
        CheckoutFixture.execute(
                "UPDATE reservation SET expires_at = now() - interval '1 minute'"
                        + " WHERE id = (SELECT reservation_id FROM customer_order WHERE id = ?)",
                order.id());
        Api.as("admin").post("/api/v1/admin/inventory/sweeps").then().statusCode(200);
        assertThat(queryString(
                        "SELECT r.status FROM reservation r JOIN customer_order o ON o.reservation_id = r.id"
                                + " WHERE o.id = ?",
                        order.id()))
                .isEqualTo("EXPIRED");
        assertThat(state(order.id())).isEqualTo("PENDING_PAYMENT");

        String payload = succeededEvent("evt_" + UUID.randomUUID(), intentId, order, order.total());
        deliver(payload, StripeStandIn.signature(payload))
                .then()
                .statusCode(200)
                .body("result", equalTo("flagged-hold-ended"));
        // Stripe's redelivery of that event, and any later success of the intent, answer 200 too.
        deliver(payload, StripeStandIn.signature(payload))
                .then()
                .statusCode(200)
                .body("result", equalTo("duplicate"));
        String again = succeededEvent("evt_" + UUID.randomUUID(), intentId, order, order.total());
        deliver(again, StripeStandIn.signature(again))
                .then()
                .statusCode(200)
                .body("result", equalTo("flagged-cancelled"));

        assertThat(state(order.id())).isEqualTo("CANCELLED");
        assertThat(paymentStatus(order.id())).isEqualTo("REVIEW");
        assertThat(queryString("SELECT note FROM payment WHERE order_id = ?", order.id()))
                .contains("refund");
        assertThat(CheckoutFixture.queryLong(
                        "SELECT count(*) FROM order_transition WHERE order_id = ? AND to_state = 'PAID'", order.id()))
                .isZero();
        assertThat(outbox(order.id(), "order.cancelled")).isEqualTo(1);
        assertThat(outbox(order.id(), "order.paid")).isZero();

        // Staff refund the customer in the Stripe dashboard: the refund is recorded, the order stays cancelled.
        String refundId =
                "re_dash" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String refund = StripeStandIn.event(
                "evt_" + UUID.randomUUID(),
                "refund.created",
                StripeStandIn.refund(refundId, intentId, order.total(), order.currency(), "succeeded", null));
        deliver(refund, StripeStandIn.signature(refund))
                .then()
                .statusCode(200)
                .body("result", equalTo("refund-recorded"));
        assertThat(queryString("SELECT status FROM refund WHERE provider_ref = ?", refundId))
                .isEqualTo("SUCCEEDED");
        assertThat(state(order.id())).isEqualTo("CANCELLED");
    }

    @Test
    void aLostWebhookIsRepairedByReconciliation() {
        Placed order = place();
        String intentId = startPayment(order);
        StripeStandIn.answerRetrieve(order.id(), intentId, order.total(), order.currency(), "succeeded");
        // Old enough for the job (it leaves fresh payments to their webhook).
        CheckoutFixture.execute(
                "UPDATE payment SET created_at = now() - interval '1 hour' WHERE order_id = ?", order.id());

        Response report = Api.as("staff").post("/api/v1/admin/payments/reconciliation");
        report.then().statusCode(200);
        assertThat(report.jsonPath().getInt("repaired")).isGreaterThanOrEqualTo(1);
        assertThat(state(order.id())).isEqualTo("PAID");
        assertThat(paymentStatus(order.id())).isEqualTo("SUCCEEDED");

        // The webhook arrives after all: nothing more happens.
        String late = succeededEvent("evt_" + UUID.randomUUID(), intentId, order, order.total());
        deliver(late, StripeStandIn.signature(late)).then().statusCode(200).body("result", equalTo("already-applied"));
        assertThat(CheckoutFixture.queryLong(
                        "SELECT count(*) FROM order_transition WHERE order_id = ? AND to_state = 'PAID'", order.id()))
                .isEqualTo(1);
    }
}
