package com.emporium.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.emporium.testsupport.Eventually;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Stripe failing while a PaymentIntent is made: retries, the 503 answer, the circuit breaker. The breaker
 * is one per server and counts every attempt of every order, so these tests run in a fixed order and
 * are the only ones that make PaymentIntent creation fail: the breaker test runs between the two other
 * outages and ends only once the breaker has closed again, which starts a fresh window, so neither of
 * the others (three failures each) can open it by accident.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StripeOutageIT {
    @BeforeAll
    static void standIn() {
        StripeStandIn.server();
    }

    private static String newIntentId() {
        return "pi_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static long payments(long orderId) {
        return CheckoutFixture.queryLong("SELECT count(*) FROM payment WHERE order_id = ?", orderId);
    }

    private static void assertOutageAnswer(Response outage) {
        outage.then().statusCode(503).header("Retry-After", notNullValue());
        assertThat(outage.contentType()).startsWith("application/problem+json");
        assertThat(outage.<String>path("type")).isEqualTo("/problems/temporarily-unavailable");
        assertThat(outage.asString()).doesNotContain("Exception").doesNotContain("sk_test");
    }

    @Test
    @Order(1)
    void aStripe5xxIsRetriedThenAnswers503AndTheLaterRetryMakesExactlyOneIntent() {
        StripePaymentIT.Placed order = StripePaymentIT.place();
        var failing = StripeStandIn.failCreate(order.id(), 500);

        assertOutageAnswer(StripePaymentIT.payWithStripe(order));
        // One attempt and the two retries of @Retry(maxRetries = 2), all answered 500.
        assertThat(StripeStandIn.createAnswers(order.id())).containsExactly(500, 500, 500);
        assertThat(payments(order.id())).isZero();
        assertThat(StripePaymentIT.state(order.id())).isEqualTo("PENDING_PAYMENT");

        StripeStandIn.server().removeStub(failing);
        String intentId = newIntentId();
        StripeStandIn.answerCreate(order.id(), intentId, order.total(), order.currency(), 0);
        StripePaymentIT.payWithStripe(order)
                .then()
                .statusCode(200)
                .body("state", equalTo("PENDING_PAYMENT"))
                .body("payment.intentId", equalTo(intentId));

        assertThat(StripeStandIn.createAnswers(order.id())).containsExactly(500, 500, 500, 200);
        assertThat(StripeStandIn.creates(order.id()))
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(StripeStandIn.intentKey(order.id()));
        assertThat(payments(order.id())).isEqualTo(1);
        assertThat(StripePaymentIT.queryString("SELECT intent_id FROM payment WHERE order_id = ?", order.id()))
                .isEqualTo(intentId);
    }

    @Test
    @Order(2)
    void theCircuitBreakerOpensAfterRepeatedFailuresFailsFastAndClosesOnceStripeAnswers() {
        StripePaymentIT.Placed order = StripePaymentIT.place();
        var failing = StripeStandIn.failCreate(order.id(), 502);

        // Each request makes up to three attempts; the breaker opens once half of the last ten failed.
        boolean open = false;
        for (int request = 0; request < 10 && !open; request++) {
            int before = StripeStandIn.creates(order.id()).size();
            assertOutageAnswer(StripePaymentIT.payWithStripe(order));
            open = StripeStandIn.creates(order.id()).size() == before;
        }
        assertThat(open).as("the breaker opened within ten failing requests").isTrue();

        // Open: requests fail fast with the same answer and never reach Stripe.
        int reached = StripeStandIn.creates(order.id()).size();
        for (int request = 0; request < 3; request++) {
            assertOutageAnswer(StripePaymentIT.payWithStripe(order));
        }
        assertThat(StripeStandIn.creates(order.id())).hasSize(reached);
        assertThat(payments(order.id())).isZero();

        StripeStandIn.server().removeStub(failing);
        String intentId = newIntentId();
        StripeStandIn.answerCreate(order.id(), intentId, order.total(), order.currency(), 0);
        // After its delay the breaker lets one trial call through; Stripe answers, and it closes.
        Eventually.await(
                "the breaker closes once Stripe answers",
                Duration.ofSeconds(40),
                () -> StripePaymentIT.payWithStripe(order).statusCode() == 200);

        List<Integer> answers = StripeStandIn.createAnswers(order.id());
        assertThat(answers).hasSize(reached + 1).endsWith(200);
        assertThat(answers.subList(0, reached)).containsOnly(502);
        assertThat(payments(order.id())).isEqualTo(1);
        assertThat(StripePaymentIT.queryString("SELECT intent_id FROM payment WHERE order_id = ?", order.id()))
                .isEqualTo(intentId);
        // Closed: another order's payment reaches Stripe again.
        StripePaymentIT.Placed next = StripePaymentIT.place();
        String nextIntent = newIntentId();
        StripeStandIn.answerCreate(next.id(), nextIntent, next.total(), next.currency(), 0);
        StripePaymentIT.payWithStripe(next).then().statusCode(200).body("payment.intentId", equalTo(nextIntent));
        assertThat(StripeStandIn.creates(next.id())).hasSize(1);
    }

    @Test
    @Order(3)
    void aStripeTimeoutAnswers503AndTheRetryEndsWithOneIntent() {
        StripePaymentIT.Placed order = StripePaymentIT.place();
        String intentId = newIntentId();
        // Slower than the server's read timeout on every attempt, so the fault-tolerance retries give up.
        var slow = StripeStandIn.answerCreate(order.id(), intentId, order.total(), order.currency(), 4000);

        Response outage = StripePaymentIT.payWithStripe(order);
        assertOutageAnswer(outage);
        assertThat(payments(order.id())).isZero();
        assertThat(StripePaymentIT.state(order.id())).isEqualTo("PENDING_PAYMENT");

        StripeStandIn.server().removeStub(slow);
        StripeStandIn.answerCreate(order.id(), intentId, order.total(), order.currency(), 0);
        StripePaymentIT.payWithStripe(order).then().statusCode(200).body("payment.intentId", equalTo(intentId));

        List<LoggedRequest> creates = StripeStandIn.creates(order.id());
        assertThat(creates.size()).isGreaterThan(1);
        assertThat(creates)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("order-" + order.id() + "-payment-intent");
        assertThat(payments(order.id())).isEqualTo(1);
        assertThat(CheckoutFixture.queryLong(
                        "SELECT count(*) FROM customer_order WHERE cart_id ="
                                + " (SELECT cart_id FROM customer_order WHERE id = ?)",
                        order.id()))
                .isEqualTo(1);
    }
}
