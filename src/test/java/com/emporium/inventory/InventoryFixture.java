package com.emporium.inventory;

import static org.hamcrest.Matchers.is;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import com.emporium.testsupport.Tokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Products with stock, customers with their own subjects, and direct database access for checks. */
final class InventoryFixture {
    static final String REPLICA_B_URL = System.getProperty("it.b.base.url", Api.BASE_URL);
    static final String DB_URL = System.getProperty("it.db.url", "jdbc:postgresql://localhost:15432/postgres");

    private InventoryFixture() {}

    /** A product and its SKUs, created through the admin API. */
    record Item(long productId, String slug, List<String> skus) {
        String sku() {
            return skus.get(0);
        }
    }

    static Item product(int variants) {
        long[] prices = new long[variants];
        java.util.Arrays.fill(prices, 1500);
        Map<String, Object> created = CatalogFixture.product(CatalogFixture.category(null), "Stocked thing", prices);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variantViews = (List<Map<String, Object>>) created.get("variants");
        return new Item(
                ((Number) created.get("id")).longValue(),
                (String) created.get("slug"),
                variantViews.stream().map(v -> (String) v.get("sku")).toList());
    }

    static void receive(String sku, int quantity) {
        receive(Api.BASE_URL, sku, quantity);
    }

    static void receive(String baseUrl, String sku, int quantity) {
        RestAssured.given()
                .baseUri(baseUrl)
                .auth()
                .oauth2(Tokens.withRoles("staff"))
                .contentType("application/json")
                .body(Map.of("quantity", quantity, "reason", "test delivery"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                .then()
                .statusCode(is(200));
    }

    static RequestSpecification customer(String subject) {
        return customerToken(Tokens.sign(subject, List.of("customer"), c -> c));
    }

    static RequestSpecification customerToken(String token) {
        return Api.anonymous().auth().oauth2(token).contentType("application/json");
    }

    static Map<String, Object> reservationBody(Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        return Map.of("lines", lines);
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(DB_URL, "postgres", "");
    }

    static long queryLong(String sql, Object... params) {
        try (Connection connection = database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a condition that the server reaches on its own (heartbeats, reconnects), with a bound. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(100).toNanos());
        }
    }
}
