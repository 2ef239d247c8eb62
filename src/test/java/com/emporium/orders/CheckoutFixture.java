package com.emporium.orders;

import static org.hamcrest.Matchers.is;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stocked products, guest carts and orders through the API, plus direct database reads for final-state checks. */
final class CheckoutFixture {
    static final String DB_URL = System.getProperty("it.db.url", "jdbc:postgresql://localhost:15432/postgres");

    private CheckoutFixture() {}

    /** A guest cart: its id, its token and the ETag of its current version. */
    record GuestCart(String id, String token) {
        RequestSpecification api() {
            return Api.anonymous().header("Cart-Token", token).contentType("application/json");
        }

        String etag() {
            return api().get("/api/v1/carts/{id}", id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
        }

        Response add(String sku, int quantity) {
            return api().header("If-Match", etag())
                    .body(Map.of("sku", sku, "quantity", quantity))
                    .post("/api/v1/carts/{id}/lines", id);
        }

        Response details(Map<String, Object> details) {
            return api().header("If-Match", etag()).body(details).patch("/api/v1/carts/{id}", id);
        }
    }

    /** A new product with one variant per price, each SKU received with {@code stock} units. */
    static List<String> stockedSkus(int stock, long... prices) {
        Map<String, Object> product = CatalogFixture.product(CatalogFixture.category(null), "Checkout item", prices);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variants = (List<Map<String, Object>>) product.get("variants");
        List<String> skus = variants.stream().map(v -> (String) v.get("sku")).toList();
        if (stock > 0) {
            for (String sku : skus) {
                Api.as("staff")
                        .contentType("application/json")
                        .body(Map.of("quantity", stock, "reason", "checkout test delivery"))
                        .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                        .then()
                        .statusCode(is(200));
            }
        }
        return skus;
    }

    static GuestCart guestCart() {
        Response created = Api.anonymous().post("/api/v1/carts");
        created.then().statusCode(201);
        return new GuestCart(created.path("id"), created.path("token"));
    }

    static Map<String, Object> address(String country) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Erika Mustermann");
        address.put("line1", "Heidestraße 17");
        address.put("city", "Köln");
        address.put("postalCode", "51147");
        address.put("country", country);
        return address;
    }

    static Map<String, Object> orderBody(String cartId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cartId", cartId);
        body.put("email", "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@it.emporium.local");
        body.put("shippingAddress", address("DE"));
        body.put("shippingMethod", "eu-standard");
        return body;
    }

    static Response place(GuestCart cart, String key, Map<String, Object> body) {
        return cart.api().header("Idempotency-Key", key).body(body).post("/api/v1/orders");
    }

    /** A single-use coupon made through the admin API. */
    static String singleUseCoupon(int percent) {
        String code = "ONCE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.admin()
                .contentType("application/json")
                .body(Map.of("code", code, "kind", "PERCENTAGE", "value", percent, "usageLimit", 1))
                .post("/api/v1/admin/promotions")
                .then()
                .statusCode(201);
        return code;
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

    static void execute(String sql, Object... params) {
        try (Connection connection = database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
