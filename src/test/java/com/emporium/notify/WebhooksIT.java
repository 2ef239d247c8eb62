package com.emporium.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.emporium.orders.CheckoutSupport;
import com.emporium.orders.CheckoutSupport.PlacedOrder;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.Eventually;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Outgoing webhooks against a receiver in the test JVM: Standard Webhooks signatures checked with an
 * independent HMAC, retries, the retry window, disabling, the delivery log and manual redelivery.
 */
class WebhooksIT {
    private static final Duration BOUND = Duration.ofSeconds(40);

    private static JsonPath register(String url, List<String> types) {
        Response created = Api.admin()
                .contentType("application/json")
                .body(Map.of("url", url, "eventTypes", types, "description", "ERP test"))
                .post("/api/v1/admin/webhooks");
        created.then().statusCode(201).body("secret", startsWith("whsec_"));
        return created.jsonPath();
    }

    private static String customer() {
        return "hooks-" + UUID.randomUUID().toString().substring(0, 8) + "@it.emporium.local";
    }

    /** The receiver's side of Standard Webhooks, written from the specification, not from the server's code. */
    private static boolean verifies(String secret, WebhookReceiver.Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body();
        String expected =
                "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(r.header("webhook-signature").split(" ")).contains(expected);
    }

    private static List<WebhookReceiver.Received> about(WebhookReceiver receiver, long orderId, String type) {
        return receiver.received().stream()
                .filter(r -> JsonPath.from(r.body()).getLong("data.orderId") == orderId)
                .filter(r -> type.equals(JsonPath.from(r.body()).getString("type")))
                .toList();
    }

    @Test
    void subscribedEventsArePostedSignedAndLogged() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(204)) {
            JsonPath endpoint = register(receiver.url(), List.of("order.paid", "order.refunded"));
            long id = endpoint.getLong("id");
            String secret = endpoint.getString("secret");

            PlacedOrder order = CheckoutSupport.placeOrder(customer());
            CheckoutSupport.pay(order);
            NotifyDatabase.insertOrderEvent(order.id(), "order.refunded", "\"refundedAmount\":500");

            Eventually.await(
                    "paid and refunded arrive",
                    BOUND,
                    () -> about(receiver, order.id(), "order.paid").size() == 1
                            && about(receiver, order.id(), "order.refunded").size() == 1);
            WebhookReceiver.Received paid =
                    about(receiver, order.id(), "order.paid").get(0);
            assertThat(verifies(secret, paid)).isTrue();
            assertThat(verifies(secret.substring(0, 10) + "AAAA" + secret.substring(14), paid))
                    .isFalse();
            assertThat(paid.header("webhook-id")).startsWith("msg_");
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(paid.header("webhook-timestamp"))))
                    .isLessThan(300);
            assertThat(paid.header("Content-Type")).isEqualTo("application/json");
            JsonPath body = JsonPath.from(paid.body());
            assertThat(body.getString("data.state")).isEqualTo("PAID");
            assertThat(body.getString("data.currency")).isEqualTo("EUR");
            WebhookReceiver.Received refunded =
                    about(receiver, order.id(), "order.refunded").get(0);
            assertThat(verifies(secret, refunded)).isTrue();
            assertThat(JsonPath.from(refunded.body()).getLong("data.refundedAmount"))
                    .isEqualTo(500);
            assertThat(about(receiver, order.id(), "order.placed")).isEmpty();

            // The secret is shown once; staff read the log with each attempt's status and timing.
            Api.admin()
                    .get("/api/v1/admin/webhooks/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("secret", equalTo(null));
            assertThat(Api.admin().get("/api/v1/admin/webhooks").asString()).doesNotContain(secret);
            Eventually.await(
                    "both deliveries logged",
                    BOUND,
                    () -> Api.as("staff")
                                    .get("/api/v1/admin/webhooks/{id}/deliveries", id)
                                    .jsonPath()
                                    .getList("findAll { it.state == 'DELIVERED' }")
                                    .size()
                            >= 2);
            JsonPath log = Api.as("staff")
                    .get("/api/v1/admin/webhooks/{id}/deliveries", id)
                    .jsonPath();
            assertThat(log.getInt("find { it.eventType == 'order.paid' }.log[0].status"))
                    .isEqualTo(204);
            assertThat(log.getInt("find { it.eventType == 'order.paid' }.log[0].durationMillis"))
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aFailingEndpointIsRetriedWithGrowingDelaysThenDisabledAndRedeliveredOnRequest() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(500)) {
            JsonPath endpoint = register(receiver.url(), List.of("payment.failed"));
            long id = endpoint.getLong("id");
            String secret = endpoint.getString("secret");
            double disabledBefore = disabledCount();
            PlacedOrder order = CheckoutSupport.placeOrder(customer());
            NotifyDatabase.insertOrderEvent(order.id(), "payment.failed", null);

            Eventually.await(
                    "the endpoint is disabled after six failures",
                    BOUND,
                    () -> !Api.admin()
                            .get("/api/v1/admin/webhooks/{id}", id)
                            .jsonPath()
                            .getBoolean("enabled"));
            List<WebhookReceiver.Received> tries = about(receiver, order.id(), "payment.failed");
            assertThat(tries).hasSize(6);
            // Every retry is the same message, signed again.
            assertThat(tries.stream().map(r -> r.header("webhook-id")).distinct())
                    .hasSize(1);
            for (WebhookReceiver.Received r : tries) {
                assertThat(verifies(secret, r)).isTrue();
            }
            JsonPath view = Api.admin().get("/api/v1/admin/webhooks/{id}", id).jsonPath();
            assertThat(view.getString("disabledReason")).contains("6 failed attempts");
            // Either replica may have disabled it, and other tests' dead endpoints may be disabled meanwhile.
            assertThat(disabledCount()).isGreaterThanOrEqualTo(disabledBefore + 1);
            List<Map<String, Object>> log = Api.as("staff")
                    .get("/api/v1/admin/webhooks/{id}/deliveries", id)
                    .jsonPath()
                    .getList("[0].log");
            assertThat(log)
                    .hasSize(6)
                    .allSatisfy(a -> assertThat(a.get("status")).isEqualTo(500));
            List<Instant> at =
                    log.stream().map(a -> Instant.parse((String) a.get("at"))).toList();
            assertThat(Duration.between(at.get(4), at.get(5)))
                    .as("backoff grows")
                    .isGreaterThan(Duration.between(at.get(0), at.get(1)));

            // Fixed receiver, endpoint enabled again: the waiting delivery goes out; a redelivery repeats it.
            receiver.answer(200);
            Api.admin()
                    .contentType("application/json")
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("payment.failed"), "enabled", true))
                    .put("/api/v1/admin/webhooks/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("enabled", equalTo(true))
                    .body("failureStreak", equalTo(0));
            Eventually.await(
                    "delivered after enabling", BOUND, () -> deliveryState(id).equals("DELIVERED"));
            long deliveryId = Api.as("staff")
                    .get("/api/v1/admin/webhooks/{id}/deliveries", id)
                    .jsonPath()
                    .getLong("[0].id");
            int before = about(receiver, order.id(), "payment.failed").size();
            Api.admin()
                    .post("/api/v1/admin/webhooks/{id}/deliveries/{d}/redelivery", id, deliveryId)
                    .then()
                    .statusCode(202);
            Eventually.await(
                    "redelivered",
                    BOUND,
                    () -> about(receiver, order.id(), "payment.failed").size() == before + 1);
            Api.admin()
                    .post("/api/v1/admin/webhooks/{id}/deliveries/{d}/redelivery", id, deliveryId + 1_000_000)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aDeliveryStillFailingAtTheEndOfItsRetryWindowIsFailed() {
        try (WebhookReceiver receiver = new WebhookReceiver(503)) {
            long id = register(receiver.url(), List.of("order.refunded")).getLong("id");
            PlacedOrder order = CheckoutSupport.placeOrder(customer());
            NotifyDatabase.insertOrderEvent(order.id(), "order.refunded", "\"refundedAmount\":100");
            Eventually.await(
                    "a first failed attempt",
                    BOUND,
                    () -> !about(receiver, order.id(), "order.refunded").isEmpty());
            // As if the 24 hours had passed.
            NotifyDatabase.execute(
                    "UPDATE webhook_delivery SET retry_until = now() - interval '1 second' WHERE endpoint_id = ?", id);
            Eventually.await("failed for good", BOUND, () -> deliveryState(id).equals("FAILED"));
            int attempts = about(receiver, order.id(), "order.refunded").size();
            assertThat(NotifyDatabase.queryLong("SELECT attempts FROM webhook_delivery WHERE endpoint_id = ?", id))
                    .isEqualTo(attempts);
        }
    }

    @Test
    void urlsOutsideThePolicyAndUnknownEventTypesAreRefused() {
        for (String url :
                List.of("http://10.1.2.3/hook", "ftp://127.0.0.1/hook", "http://169.254.169.254/latest", "not a url")) {
            Api.admin()
                    .contentType("application/json")
                    .body(Map.of("url", url, "eventTypes", List.of("order.paid")))
                    .post("/api/v1/admin/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/webhook-url-refused"));
        }
        for (String type : List.of("order.exploded", "account.password-reset")) {
            Api.admin()
                    .contentType("application/json")
                    .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of(type)))
                    .post("/api/v1/admin/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-request"));
        }
    }

    @Test
    void anEndpointCanBeReplacedAndRemoved() {
        JsonPath created = register("http://localhost:9/hook", List.of("order.paid"));
        long id = created.getLong("id");
        Api.admin()
                .contentType("application/json")
                .body(Map.of("url", "http://localhost:9/other", "eventTypes", List.of("order.shipped", "order.paid")))
                .put("/api/v1/admin/webhooks/{id}", id)
                .then()
                .statusCode(200)
                .body("url", equalTo("http://localhost:9/other"))
                .body("eventTypes", equalTo(List.of("order.paid", "order.shipped")));
        Api.admin().delete("/api/v1/admin/webhooks/{id}", id).then().statusCode(204);
        Api.admin()
                .get("/api/v1/admin/webhooks/{id}", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static String deliveryState(long endpointId) {
        return Api.as("staff")
                .get("/api/v1/admin/webhooks/{id}/deliveries", endpointId)
                .jsonPath()
                .getString("[0].state");
    }

    /** Endpoints disabled so far, summed over both replicas: either one may be the one that disables. */
    private static double disabledCount() {
        double sum = 0;
        for (String base : List.of(Api.BASE_URL, System.getProperty("it.b.base.url"))) {
            String metrics = io.restassured.RestAssured.given()
                    .baseUri(base)
                    .accept("text/plain")
                    .get("/metrics?scope=application")
                    .asString();
            sum += metrics.lines()
                    .filter(l -> l.startsWith("emporium_webhooks_endpoints_disabled_total"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        }
        return sum;
    }
}
