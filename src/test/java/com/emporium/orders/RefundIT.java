package com.emporium.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.response.Response;
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

/** Staff refunds through Stripe (the stand-in) and the test provider; sums are checked in the database. */
class RefundIT {
    @BeforeAll
    static void standIn() {
        StripeStandIn.server();
    }

    /** An order of two units paid through Stripe (intent, then the signed succeeded webhook). */
    private static StripePaymentIT.Placed paidWithStripe(String[] intent) {
        StripePaymentIT.Placed order = StripePaymentIT.place();
        intent[0] = StripePaymentIT.startPayment(order);
        String payload = StripePaymentIT.succeededEvent("evt_" + UUID.randomUUID(), intent[0], order, order.total());
        StripePaymentIT.deliver(payload, StripeStandIn.signature(payload))
                .then()
                .statusCode(200)
                .body("result", equalTo("paid"));
        return order;
    }

    private static Response refund(long orderId, String key, Map<String, Object> body) {
        return Api.as("staff")
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/admin/orders/{id}/refunds", orderId);
    }

    private static String sku(long orderId) {
        return StripePaymentIT.queryString("SELECT sku FROM order_line WHERE order_id = ?", orderId);
    }

    private static long refunded(long orderId) {
        return CheckoutFixture.queryLong(
                "SELECT coalesce(sum(amount), 0) FROM refund WHERE order_id = ? AND status = 'SUCCEEDED'", orderId);
    }

    @Test
    void concurrentRefundsBeyondThePaidAmountOnlyRefundWhatFits() throws Exception {
        String[] intent = new String[1];
        StripePaymentIT.Placed order = paidWithStripe(intent);
        StripeStandIn.answerRefunds(intent[0], order.currency());
        String sku = sku(order.id());
        Map<String, Object> oneUnit = Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1)));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> refund(order.id(), UUID.randomUUID().toString(), oneUnit));
            }
            for (Future<Response> f : pool.invokeAll(calls)) {
                statuses.add(f.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }

        // Two units in the order: two refunds fit, the other four are refused with 409.
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(4);
        assertThat(CheckoutFixture.queryLong(
                        "SELECT count(*) FROM refund WHERE order_id = ? AND status = 'SUCCEEDED'", order.id()))
                .isEqualTo(2);
        assertThat(refunded(order.id())).isLessThanOrEqualTo(order.total()).isLessThan(order.total());
        assertThat(StripePaymentIT.state(order.id())).isEqualTo("PARTIALLY_REFUNDED");
        List<LoggedRequest> calls = StripeStandIn.refunds(intent[0]);
        assertThat(calls).hasSize(2);
        assertThat(calls).extracting(r -> r.getHeader("Idempotency-Key")).allMatch(k -> k.startsWith("refund-"));
        assertThat(StripePaymentIT.outbox(order.id(), "order.refunded")).isEqualTo(2);

        // The rest (shipping) in one go: the order is fully refunded and the sums meet exactly.
        refund(order.id(), UUID.randomUUID().toString(), Map.of())
                .then()
                .statusCode(200)
                .body("state", equalTo("REFUNDED"));
        assertThat(refunded(order.id())).isEqualTo(order.total());
        refund(order.id(), UUID.randomUUID().toString(), Map.of()).then().statusCode(409);
    }

    @Test
    void aRetriedRefundWithTheSameKeyRefundsOnce() {
        String[] intent = new String[1];
        StripePaymentIT.Placed order = paidWithStripe(intent);
        StripeStandIn.answerRefunds(intent[0], order.currency());
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("lines", List.of(Map.of("sku", sku(order.id()), "quantity", 1)));

        refund(order.id(), key, body).then().statusCode(200).body("state", equalTo("PARTIALLY_REFUNDED"));
        refund(order.id(), key, body).then().statusCode(200).body("state", equalTo("PARTIALLY_REFUNDED"));

        assertThat(CheckoutFixture.queryLong("SELECT count(*) FROM refund WHERE order_id = ?", order.id()))
                .isEqualTo(1);
        assertThat(StripeStandIn.refunds(intent[0])).hasSize(1);
        refund(order.id(), UUID.randomUUID().toString(), Map.of()).then().statusCode(200);
        refund(order.id(), UUID.randomUUID().toString(), Map.of()).then().statusCode(409);
    }

    @Test
    void aTestProviderRefundCompletesAtOnceAndCanRestock() {
        long orderId = CheckoutSupport.placeAndPayOneOrder();
        String sku = sku(orderId);
        long onHand = CheckoutFixture.queryLong("SELECT coalesce(sum(on_hand), 0) FROM stock WHERE sku = ?", sku);

        refund(orderId, UUID.randomUUID().toString(), Map.of("restock", true))
                .then()
                .statusCode(200)
                .body("state", equalTo("REFUNDED"));

        assertThat(CheckoutFixture.queryLong("SELECT coalesce(sum(on_hand), 0) FROM stock WHERE sku = ?", sku))
                .isEqualTo(onHand + 1);
        assertThat(StripePaymentIT.queryString(
                        "SELECT payload FROM outbox WHERE aggregate_id = ? AND type = 'order.refunded'", orderId))
                .contains("\"refundedAmount\":")
                .contains("\"state\":\"REFUNDED\"");
    }

    @Test
    void aRefundNeedsAnIdempotencyKeyAndAPaidOrder() {
        StripePaymentIT.Placed unpaid = StripePaymentIT.place();
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of())
                .post("/api/v1/admin/orders/{id}/refunds", unpaid.id())
                .then()
                .statusCode(400)
                .body("type", equalTo("/problems/idempotency-key-required"));
        refund(unpaid.id(), UUID.randomUUID().toString(), Map.of()).then().statusCode(409);
        assertThat(CheckoutFixture.queryLong("SELECT count(*) FROM refund WHERE order_id = ?", unpaid.id()))
                .isZero();
    }

    private static String deliverEvent(String type, String object) {
        String payload = StripeStandIn.event("evt_" + UUID.randomUUID(), type, object);
        return StripePaymentIT.deliver(payload, StripeStandIn.signature(payload))
                .then()
                .statusCode(200)
                .extract()
                .path("result");
    }

    private static long reversedPoints(long orderId) {
        return CheckoutFixture.queryLong(
                "SELECT coalesce(-sum(points), 0) FROM loyalty_entry WHERE order_id = ? AND kind = 'REVERSAL'",
                orderId);
    }

    private static long refundId(long orderId) {
        return CheckoutFixture.queryLong("SELECT max(id) FROM refund WHERE order_id = ?", orderId);
    }

    private static String stripeId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Old enough for the reconciliation, which leaves fresh refunds to Stripe's answer and webhook. */
    private static void age(long orderId) {
        CheckoutFixture.execute("UPDATE refund SET created_at = now() - interval '1 hour' WHERE order_id = ?", orderId);
    }

    @Test
    void aRefundMadeInTheStripeDashboardIsRecordedOnceAndCapsAndPointsFollow() {
        Accounts.Login customer = Accounts.customer();
        Response placed = CheckoutSupport.placeAsCustomer(
                customer,
                CheckoutSupport.stockedSku(10, 5000),
                2,
                null,
                UUID.randomUUID().toString());
        placed.then().statusCode(201);
        long orderId = placed.jsonPath().getLong("id");
        long amountDue = placed.jsonPath().getLong("amountDue");
        String currency = placed.path("currency");
        String intentId = stripeId("pi_it");
        StripeStandIn.answerCreate(orderId, intentId, amountDue, currency, 0);
        customer.api()
                .contentType("application/json")
                .body(Map.of("provider", "stripe"))
                .post("/api/v1/orders/{id}/payments", orderId)
                .then()
                .statusCode(200);
        assertThat(deliverEvent(
                        "payment_intent.succeeded",
                        StripeStandIn.intent(intentId, orderId, amountDue, currency, "succeeded")))
                .isEqualTo("paid");
        long earned = CheckoutFixture.queryLong(
                "SELECT points FROM loyalty_entry WHERE order_id = ? AND kind = 'EARN'", orderId);
        assertThat(earned).isPositive();

        // Staff refund part of the order in the Stripe dashboard; Stripe reports it three ways, twice each.
        long part = amountDue / 2;
        String dashboardRefund = stripeId("re_dash");
        String refund = StripeStandIn.refund(dashboardRefund, intentId, part, currency, "succeeded", null);
        String createdPayload = StripeStandIn.event("evt_" + UUID.randomUUID(), "refund.created", refund);
        List<String> results = new ArrayList<>();
        results.add(StripePaymentIT.deliver(createdPayload, StripeStandIn.signature(createdPayload))
                .path("result"));
        results.add(StripePaymentIT.deliver(createdPayload, StripeStandIn.signature(createdPayload))
                .path("result"));
        results.add(deliverEvent("refund.updated", refund));
        results.add(deliverEvent("charge.refunded", StripeStandIn.charge(intentId, amountDue, currency, part, refund)));
        results.add(deliverEvent("refund.updated", refund));
        assertThat(results)
                .containsExactly("refund-recorded", "duplicate", "refund-noted", "refund-noted", "refund-noted");

        assertThat(CheckoutFixture.queryLong(
                        "SELECT count(*) FROM refund WHERE order_id = ? AND provider_ref = ? AND status = 'SUCCEEDED'"
                                + " AND amount = ?",
                        orderId,
                        dashboardRefund,
                        part))
                .isEqualTo(1);
        assertThat(StripePaymentIT.state(orderId)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(StripePaymentIT.outbox(orderId, "order.refunded")).isEqualTo(1);
        // The points go back in proportion to the money, as for Emporium's own refunds (integer division).
        assertThat(reversedPoints(orderId)).isBetween(earned * part / amountDue - 1, earned * part / amountDue + 1);

        // Emporium's own refund of everything now refunds only what the dashboard left.
        StripeStandIn.answerRefunds(intentId, currency);
        refund(orderId, UUID.randomUUID().toString(), Map.of())
                .then()
                .statusCode(200)
                .body("state", equalTo("REFUNDED"));
        // One refund at Stripe (a slow answer may be retried, always under the same key) for what was left.
        List<LoggedRequest> calls = StripeStandIn.refunds(intentId);
        assertThat(calls)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .hasSizeGreaterThan(0)
                .containsOnly("refund-" + refundId(orderId));
        assertThat(calls).allSatisfy(r -> assertThat(r.getBodyAsString()).contains("amount=" + (amountDue - part)));
        assertThat(refunded(orderId)).isEqualTo(amountDue);
        assertThat(reversedPoints(orderId)).isBetween(earned - 1, earned);
        refund(orderId, UUID.randomUUID().toString(), Map.of()).then().statusCode(409);
    }

    @Test
    void aRefundStripeAnswersPendingIsSettledByTheReconciliation() {
        String[] intent = new String[1];
        StripePaymentIT.Placed order = paidWithStripe(intent);
        String stripeRefund = stripeId("re_pend");
        StripeStandIn.answerRefundsWith(intent[0], stripeRefund, order.currency(), "pending", 0);

        refund(order.id(), UUID.randomUUID().toString(), Map.of())
                .then()
                .statusCode(200)
                .body("state", equalTo("PAID"));
        long id = refundId(order.id());
        assertThat(StripePaymentIT.queryString("SELECT status || ' ' || provider_ref FROM refund WHERE id = ?", id))
                .isEqualTo("PENDING " + stripeRefund);

        StripeStandIn.answerRefund(
                stripeRefund,
                StripeStandIn.refund(stripeRefund, intent[0], order.total(), order.currency(), "succeeded", id));
        age(order.id());
        Response report = Api.as("staff").post("/api/v1/admin/payments/reconciliation");
        report.then().statusCode(200);
        assertThat(report.jsonPath().getInt("refundsSettled")).isGreaterThanOrEqualTo(1);

        assertThat(StripePaymentIT.queryString("SELECT status FROM refund WHERE id = ?", id))
                .isEqualTo("SUCCEEDED");
        assertThat(StripePaymentIT.state(order.id())).isEqualTo("REFUNDED");
        assertThat(StripePaymentIT.outbox(order.id(), "order.refunded")).isEqualTo(1);
        assertThat(StripeStandIn.refunds(intent[0])).hasSize(1);
        // A second run finds nothing left to do for it.
        Api.as("staff").post("/api/v1/admin/payments/reconciliation").then().statusCode(200);
        assertThat(StripePaymentIT.outbox(order.id(), "order.refunded")).isEqualTo(1);
    }

    @Test
    void aRefundWhoseStripeCallTimedOutIsFoundAndSettledByTheReconciliation() {
        String[] intent = new String[1];
        StripePaymentIT.Placed order = paidWithStripe(intent);
        String stripeRefund = stripeId("re_slow");
        // Stripe makes the refund but answers slower than the server's read timeout, on every attempt.
        var slow = StripeStandIn.answerRefundsWith(intent[0], stripeRefund, order.currency(), "succeeded", 4000);

        Response outage = refund(order.id(), UUID.randomUUID().toString(), Map.of());
        outage.then().statusCode(503);
        assertThat(outage.<String>path("type")).isEqualTo("/problems/temporarily-unavailable");
        long id = refundId(order.id());
        assertThat(StripePaymentIT.queryString("SELECT status FROM refund WHERE id = ?", id))
                .isEqualTo("PENDING");
        int calls = StripeStandIn.refunds(intent[0]).size();
        assertThat(StripeStandIn.refunds(intent[0]))
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("refund-" + id);

        StripeStandIn.server().removeStub(slow);
        StripeStandIn.answerRefundList(
                intent[0],
                StripeStandIn.refund(stripeRefund, intent[0], order.total(), order.currency(), "succeeded", id));
        age(order.id());
        Api.as("staff").post("/api/v1/admin/payments/reconciliation").then().statusCode(200);

        assertThat(StripePaymentIT.queryString("SELECT status || ' ' || provider_ref FROM refund WHERE id = ?", id))
                .isEqualTo("SUCCEEDED " + stripeRefund);
        assertThat(StripePaymentIT.state(order.id())).isEqualTo("REFUNDED");
        assertThat(refunded(order.id())).isEqualTo(order.total());
        // Found at Stripe, so not asked for again.
        assertThat(StripeStandIn.refunds(intent[0])).hasSize(calls);
    }
}
