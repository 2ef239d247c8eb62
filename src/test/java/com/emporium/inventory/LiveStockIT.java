package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The live stock stream end to end: real commits, real HTTP, both replicas, a killed listener. */
class LiveStockIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aCommittedStockChangeReachesAConnectedClient() throws Exception {
        InventoryFixture.Item item = InventoryFixture.product(1);
        try (SseClient client = SseClient.connect(Api.BASE_URL, "?sku=" + item.sku(), null)) {
            assertThat(client.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(client.response().headers().firstValue("Content-Encoding"))
                    .isEmpty();
            assertThat(client.awaitSubscribed(WAIT)).isTrue();
            InventoryFixture.receive(item.sku(), 12);
            SseClient.Event event = client.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.name()).isEqualTo("stock");
            assertThat(event.data())
                    .contains("\"sku\":\"" + item.sku() + "\"")
                    .contains("\"productId\":" + item.productId())
                    .contains("\"availability\":\"IN_STOCK\"");
            assertThat(Long.parseLong(event.id()))
                    .isEqualTo(InventoryFixture.queryLong(
                            "SELECT max(id) FROM inventory_event WHERE sku = ?", item.sku()));
        }
    }

    @Test
    void theStreamShowsNoStockOfWhatTheCatalogHides() throws Exception {
        String category = CatalogFixture.category(null);
        Map<String, Object> draftBody = CatalogFixture.productBody(
                category, "Draft thing", List.of(CatalogFixture.variant(Api.unique("DRAFT"), 1500, Map.of())));
        draftBody.put("status", "DRAFT");
        String draftSku = firstSku(CatalogFixture.create(draftBody));
        Map<String, Object> twoVariants = CatalogFixture.product(category, "Half-retired thing", 1500, 1600);
        @SuppressWarnings("unchecked")
        Map<String, Object> retired = ((List<Map<String, Object>>) twoVariants.get("variants")).get(1);
        Api.admin().delete("/api/v1/admin/variants/" + retired.get("id")).then().statusCode(204);
        InventoryFixture.Item visible = InventoryFixture.product(1);

        try (SseClient client = SseClient.connect(Api.BASE_URL, "", null)) {
            assertThat(client.awaitSubscribed(WAIT)).isTrue();
            InventoryFixture.receive(draftSku, 5);
            InventoryFixture.receive((String) retired.get("sku"), 5);
            InventoryFixture.receive(visible.sku(), 5);
            // Events are sent in id order: had the hidden ones been sent, they would come first.
            SseClient.Event event;
            do {
                event = client.next(WAIT);
                assertThat(event).as("the visible SKU's event").isNotNull();
                assertThat(event.data()).doesNotContain(draftSku).doesNotContain((String) retired.get("sku"));
            } while (!event.data().contains(visible.sku()));
        }
        assertThat(InventoryFixture.queryLong("SELECT count(*) FROM inventory_event WHERE sku = ?", draftSku))
                .as("the draft's change was recorded, only not shown")
                .isPositive();
        long before = InventoryFixture.queryLong("SELECT min(id) - 1 FROM inventory_event WHERE sku = ?", draftSku);
        try (SseClient replay = SseClient.connect(Api.BASE_URL, "?sku=" + draftSku, Long.toString(before))) {
            assertThat(replay.awaitSubscribed(WAIT)).isTrue();
            SseClient.Event replayed = replay.next(Duration.ofMillis(500));
            assertThat(replayed == null ? "" : replayed.data()).doesNotContain(draftSku);
        }
    }

    private static String firstSku(Map<String, Object> product) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variants = (List<Map<String, Object>>) product.get("variants");
        return (String) variants.get(0).get("sku");
    }

    @Test
    void theStreamTellsClientsHowLongToWaitBeforeReconnecting() throws Exception {
        InventoryFixture.Item item = InventoryFixture.product(1);
        try (SseClient client = SseClient.connect(Api.BASE_URL, "?sku=" + item.sku(), null)) {
            assertThat(client.awaitSubscribed(WAIT)).isTrue();
            InventoryFixture.receive(item.sku(), 2);
            assertThat(client.next(WAIT)).isNotNull();
            assertThat(client.retry()).isEqualTo("3000");
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysExactlyTheMissedEventsInOrder() throws Exception {
        InventoryFixture.Item item = InventoryFixture.product(1);
        String query = "?product=" + item.productId();
        String seen;
        try (SseClient first = SseClient.connect(Api.BASE_URL, query, null)) {
            assertThat(first.awaitSubscribed(WAIT)).isTrue();
            InventoryFixture.receive(item.sku(), 1);
            seen = first.next(WAIT).id();
        }
        for (int i = 0; i < 3; i++) {
            InventoryFixture.receive(item.sku(), 1);
        }
        try (SseClient second = SseClient.connect(Api.BASE_URL, query, seen)) {
            List<String> missed =
                    second.take(3, WAIT).stream().map(SseClient.Event::id).toList();
            assertThat(missed).isEqualTo(eventIdsAfter(item.sku(), seen));
            assertThat(second.awaitSubscribed(WAIT)).isTrue();
            InventoryFixture.receive(item.sku(), 1);
            List<String> all = new ArrayList<>(missed);
            all.add(second.next(WAIT).id());
            // The live event follows the replay with no duplicate and no gap.
            assertThat(all)
                    .isEqualTo(eventIdsAfter(item.sku(), seen))
                    .hasSize(4)
                    .doesNotHaveDuplicates();
            assertThat(second.next(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void anIdOlderThanTheRetainedHistoryGetsAReset() throws Exception {
        try (Connection db = InventoryFixture.database();
                Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE inventory_event_horizon SET purged_through = GREATEST(purged_through, 1)");
        }
        try (SseClient client = SseClient.connect(Api.BASE_URL, "", "0")) {
            SseClient.Event reset = client.next(WAIT);
            assertThat(reset.name()).isEqualTo("reset");
            assertThat(reset.data()).contains("history-expired");
            assertThat(Long.parseLong(reset.id())).isPositive();
        }
    }

    @Test
    void filtersDeliverOnlyTheChosenProducts() throws Exception {
        InventoryFixture.Item followed = InventoryFixture.product(1);
        InventoryFixture.Item other = InventoryFixture.product(1);
        try (SseClient client = SseClient.connect(Api.BASE_URL, "?product=" + followed.productId(), null)) {
            assertThat(client.awaitSubscribed(WAIT)).isTrue();
            InventoryFixture.receive(other.sku(), 5);
            InventoryFixture.receive(followed.sku(), 5);
            assertThat(client.next(WAIT).data()).contains(followed.sku());
        }
        RestAssured.given()
                .baseUri(Api.BASE_URL)
                .queryParam("product", "abc")
                .get("/api/v1/inventory/stream")
                .then()
                .statusCode(400);
    }

    @Test
    void aChangeThroughReplicaAReachesSubscribersOfReplicaB() throws Exception {
        assertThat(InventoryFixture.REPLICA_B_URL).isNotEqualTo(Api.BASE_URL);
        InventoryFixture.Item item = InventoryFixture.product(1);
        try (SseClient onB = SseClient.connect(InventoryFixture.REPLICA_B_URL, "?sku=" + item.sku(), null)) {
            assertThat(onB.awaitSubscribed(WAIT)).isTrue();
            InventoryFixture.receive(Api.BASE_URL, item.sku(), 7);
            SseClient.Event event = onB.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.data()).contains(item.sku());
        }
    }

    @Test
    void theListenerSurvivesItsConnectionBeingKilledAndDeliversWhatCommittedMeanwhile() throws Exception {
        InventoryFixture.Item item = InventoryFixture.product(1);
        double reconnectsBefore = metric(Api.BASE_URL, "inventory_listener_reconnects_total");
        try (SseClient client = SseClient.connect(Api.BASE_URL, "?sku=" + item.sku(), null);
                Connection db = InventoryFixture.database();
                Statement statement = db.createStatement()) {
            assertThat(client.awaitSubscribed(WAIT)).isTrue();
            InventoryFixture.await("both replicas' listeners to be connected", WAIT, () -> listeners() == 2);
            try (ResultSet killed = statement.executeQuery(
                    "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'emporium-inventory-listener'")) {
                killed.next();
                assertThat(killed.getInt(1)).isEqualTo(2);
            }
            InventoryFixture.await("the killed backends to be gone", WAIT, () -> listeners() == 0);
            InventoryFixture.receive(item.sku(), 3);
            // The test servers wait 2 s before reconnecting, so this change committed with nobody listening.
            assertThat(listeners()).isZero();

            SseClient.Event event = client.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.data()).contains(item.sku());
            InventoryFixture.await("both listeners to reconnect", WAIT, () -> listeners() == 2);
        }
        assertThat(metric(Api.BASE_URL, "inventory_listener_reconnects_total")).isGreaterThan(reconnectsBefore);
    }

    @Test
    void metricsCountSubscribersAndDropClosedOnes() throws Exception {
        InventoryFixture.await(
                "earlier streams to be dropped", WAIT, () -> metric(Api.BASE_URL, "inventory_stream_subscribers") == 0);
        InventoryFixture.Item item = InventoryFixture.product(1);
        try (SseClient client = SseClient.connect(Api.BASE_URL, "?sku=" + item.sku(), null)) {
            assertThat(client.awaitSubscribed(WAIT)).isTrue();
            assertThat(metric(Api.BASE_URL, "inventory_stream_subscribers")).isEqualTo(1);
            double delivered = metric(Api.BASE_URL, "inventory_stream_events_delivered_total");
            InventoryFixture.receive(item.sku(), 1);
            assertThat(client.next(WAIT)).isNotNull();
            assertThat(metric(Api.BASE_URL, "inventory_stream_events_delivered_total"))
                    .isGreaterThan(delivered);
            assertThat(metric(Api.BASE_URL, "inventory_listener_lag_milliseconds"))
                    .isGreaterThanOrEqualTo(0);
        }
        InventoryFixture.await(
                "the closed stream to be dropped",
                WAIT,
                () -> metric(Api.BASE_URL, "inventory_stream_subscribers") == 0);
    }

    private static List<String> eventIdsAfter(String sku, String afterId) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = InventoryFixture.database();
                var statement =
                        db.prepareStatement("SELECT id FROM inventory_event WHERE sku = ? AND id > ? ORDER BY id")) {
            statement.setString(1, sku);
            statement.setLong(2, Long.parseLong(afterId));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(Long.toString(rs.getLong(1)));
                }
            }
        }
        return ids;
    }

    private static long listeners() {
        return InventoryFixture.queryLong(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'emporium-inventory-listener'");
    }

    /** A metric's value from the Prometheus text of /metrics (application scope). */
    static double metric(String baseUrl, String name) {
        String text = RestAssured.given()
                .baseUri(baseUrl)
                .accept("text/plain")
                .get("/metrics?scope=application")
                .asString();
        Matcher m =
                Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.Ee+-]+)$").matcher(text);
        if (!m.find()) {
            throw new AssertionError("No metric " + name + " in:\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }
}
