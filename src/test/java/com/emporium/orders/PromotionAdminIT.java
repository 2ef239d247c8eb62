package com.emporium.orders;

import static com.emporium.orders.CheckoutFixture.queryLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staff edit a promotion and end it through the admin API; carts and checkouts follow at once. */
class PromotionAdminIT {

    /** A 10 % coupon: answers its id and code. */
    private static Map.Entry<Long, String> coupon(Map<String, Object> extra) {
        String code = "EDIT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body =
                new java.util.LinkedHashMap<>(Map.of("code", code, "kind", "PERCENTAGE", "value", 10));
        body.putAll(extra);
        long id = Api.admin()
                .contentType("application/json")
                .body(body)
                .post("/api/v1/admin/promotions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return Map.entry(id, code);
    }

    private static Response change(long id, Map<String, Object> change) {
        return Api.as("staff").contentType("application/json").body(change).patch("/api/v1/admin/promotions/{id}", id);
    }

    private static CheckoutFixture.GuestCart cartWith(String sku, String coupon) {
        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        cart.add(sku, 1).then().statusCode(200);
        cart.details(Map.of("coupon", coupon)).then().statusCode(200);
        return cart;
    }

    private static JsonPath read(CheckoutFixture.GuestCart cart) {
        return cart.api()
                .get("/api/v1/carts/{id}", cart.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aChangedValueRepricesCartsAndAnEndedCouponIsRefusedUntilResumed() {
        String sku = CheckoutFixture.stockedSkus(10, 5_000).get(0);
        Map.Entry<Long, String> coupon = coupon(Map.of());
        CheckoutFixture.GuestCart cart = cartWith(sku, coupon.getValue());
        assertThat(read(cart).getLong("discount")).isEqualTo(500);

        JsonPath changed = change(coupon.getKey(), Map.of("value", 20, "name", "Twenty off"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(changed.getLong("value")).isEqualTo(20);
        assertThat(changed.getString("name")).isEqualTo("Twenty off");
        assertThat(changed.getString("code")).isEqualTo(coupon.getValue());
        assertThat(changed.getString("kind")).isEqualTo("PERCENTAGE");
        assertThat(read(cart).getLong("discount")).isEqualTo(1_000);

        change(coupon.getKey(), Map.of("active", false)).then().statusCode(200);
        JsonPath ended = read(cart);
        assertThat(ended.getBoolean("coupon.applied")).isFalse();
        assertThat(ended.getString("coupon.reason")).isEqualTo("it has ended");
        assertThat(ended.getLong("discount")).isZero();
        Response refused =
                CheckoutFixture.place(cart, UUID.randomUUID().toString(), CheckoutFixture.orderBody(cart.id()));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.<String>path("type")).isEqualTo("/problems/coupon-unavailable");
        assertThat(queryLong("SELECT used FROM promotion WHERE id = ?", coupon.getKey()))
                .isZero();
        assertThat(Api.as("staff")
                        .get("/api/v1/admin/promotions/{id}", coupon.getKey())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getBoolean("active"))
                .isFalse();

        change(coupon.getKey(), Map.of("active", true)).then().statusCode(200);
        Response placed =
                CheckoutFixture.place(cart, UUID.randomUUID().toString(), CheckoutFixture.orderBody(cart.id()));
        assertThat(placed.statusCode()).isEqualTo(201);
        assertThat(placed.jsonPath().getLong("discount")).isEqualTo(1_000);
        assertThat(queryLong("SELECT used FROM promotion WHERE id = ?", coupon.getKey()))
                .isEqualTo(1);

        // The placed order keeps what it got: a later change reprices carts, never orders.
        change(coupon.getKey(), Map.of("value", 50)).then().statusCode(200);
        assertThat(Api.anonymous()
                        .header("Order-Token", placed.jsonPath().getString("accessToken"))
                        .get("/api/v1/orders/{id}", placed.jsonPath().getString("id"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("discount"))
                .isEqualTo(1_000);
    }

    @Test
    void aUsageLimitCannotGoBelowTheUsesSoFar() {
        String sku = CheckoutFixture.stockedSkus(10, 2_000).get(0);
        Map.Entry<Long, String> coupon = coupon(Map.of("usageLimit", 5));
        for (int i = 0; i < 2; i++) {
            CheckoutFixture.GuestCart cart = cartWith(sku, coupon.getValue());
            CheckoutFixture.place(cart, UUID.randomUUID().toString(), CheckoutFixture.orderBody(cart.id()))
                    .then()
                    .statusCode(201);
        }

        Response below = change(coupon.getKey(), Map.of("usageLimit", 1, "value", 30));
        assertThat(below.statusCode()).isEqualTo(409);
        assertThat(below.contentType()).startsWith("application/problem+json");
        assertThat(below.<String>path("type")).isEqualTo("/problems/usage-limit-below-uses");
        // Refused as a whole: the value in the same request did not change either.
        assertThat(queryLong("SELECT value FROM promotion WHERE id = ?", coupon.getKey()))
                .isEqualTo(10);
        assertThat(queryLong("SELECT usage_limit FROM promotion WHERE id = ?", coupon.getKey()))
                .isEqualTo(5);

        change(coupon.getKey(), Map.of("usageLimit", 2)).then().statusCode(200);
        JsonPath usedUp = read(cartWith(sku, coupon.getValue()));
        assertThat(usedUp.getBoolean("coupon.applied")).isFalse();
        assertThat(usedUp.getString("coupon.reason")).isEqualTo("it has been used up");
    }

    @Test
    void badChangesAreRefusedWithProblemsAndChangeNothing() {
        Map.Entry<Long, String> coupon =
                coupon(Map.of("startsAt", "2026-01-01T00:00:00Z", "endsAt", "2030-01-01T00:00:00Z"));

        Response tooMuch = change(coupon.getKey(), Map.of("value", 150));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.<String>path("detail")).contains("1 to 100");

        Response backwards = change(coupon.getKey(), Map.of("endsAt", "2025-06-01T00:00:00Z"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.<String>path("detail")).contains("endsAt must be after startsAt");

        Response fraction = change(coupon.getKey(), Map.of("value", 12.5));
        assertThat(fraction.statusCode()).isEqualTo(400);

        Response negative = change(coupon.getKey(), Map.of("minSubtotal", -1));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.<String>path("errors[0].field")).contains("minSubtotal");

        assertThat(queryLong("SELECT value FROM promotion WHERE id = ?", coupon.getKey()))
                .isEqualTo(10);
        assertThat(queryLong("SELECT min_subtotal FROM promotion WHERE id = ?", coupon.getKey()))
                .isZero();

        Response missing = change(Long.MAX_VALUE, Map.of("value", 5));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(Api.as("staff")
                        .get("/api/v1/admin/promotions/{id}", Long.MAX_VALUE)
                        .statusCode())
                .isEqualTo(404);
    }
}
