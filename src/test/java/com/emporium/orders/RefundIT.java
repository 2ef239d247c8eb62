package com.emporium.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
}
