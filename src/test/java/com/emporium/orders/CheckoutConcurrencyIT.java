package com.emporium.orders;

import static com.emporium.orders.CheckoutFixture.guestCart;
import static com.emporium.orders.CheckoutFixture.orderBody;
import static com.emporium.orders.CheckoutFixture.place;
import static com.emporium.orders.CheckoutFixture.queryLong;
import static com.emporium.orders.CheckoutFixture.stockedSkus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.orders.CheckoutFixture.GuestCart;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Races and failures during placement, each judged on the final database state. */
class CheckoutConcurrencyIT {

    @Test
    void tenConcurrentRequestsWithOneKeyPlaceExactlyOneOrder() throws Exception {
        List<String> skus = stockedSkus(20, 1500);
        GuestCart cart = guestCart();
        cart.add(skus.get(0), 2).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = orderBody(cart.id());

        List<Response> answers = race(10, i -> place(cart, key, body));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(answers.stream().map(Response::asString).distinct()).hasSize(1);
        assertThat(queryLong("SELECT count(*) FROM customer_order WHERE cart_id = ?", cart.id()))
                .isEqualTo(1);
        assertThat(queryLong("SELECT reserved FROM stock WHERE sku = ?", skus.get(0)))
                .isEqualTo(2);
    }

    @Test
    void aSingleUseCouponAppliedByFiftyConcurrentCheckoutsIsUsedOnce() throws Exception {
        List<String> skus = stockedSkus(200, 2000);
        String coupon = CheckoutFixture.singleUseCoupon(50);
        List<GuestCart> carts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            GuestCart cart = guestCart();
            cart.add(skus.get(0), 1).then().statusCode(200);
            cart.details(Map.of("coupon", coupon.toLowerCase())).then().statusCode(200);
            carts.add(cart);
        }

        List<Response> answers = race(
                50,
                i -> place(
                        carts.get(i),
                        UUID.randomUUID().toString(),
                        orderBody(carts.get(i).id())));

        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.statusCode() != 201))
                .allSatisfy(r -> assertThat(r.<String>path("type")).isEqualTo("/problems/coupon-unavailable"));
        assertThat(queryLong("SELECT used FROM promotion WHERE code = ?", coupon))
                .isEqualTo(1);
        assertThat(queryLong(
                        "SELECT count(*) FROM customer_order o JOIN promotion p ON p.id = o.promotion_id"
                                + " WHERE p.code = ?",
                        coupon))
                .isEqualTo(1);
        assertThat(queryLong("SELECT reserved FROM stock WHERE sku = ?", skus.get(0)))
                .isEqualTo(1);
    }

    @Test
    void stockThatRanOutIsA409NamingTheSkusAndNothingIsHeld() {
        List<String> skus = stockedSkus(3, 1000, 1200);
        GuestCart cart = guestCart();
        cart.add(skus.get(0), 2).then().statusCode(200);
        cart.add(skus.get(1), 3).then().statusCode(200);
        String version = cart.etag();
        // Someone else buys the units in between.
        StaffStock.remove(skus.get(1), 2);

        place(cart, UUID.randomUUID().toString(), orderBody(cart.id()))
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/out-of-stock"))
                .body("detail", containsString(skus.get(1)));

        assertThat(queryLong("SELECT sum(reserved) FROM stock WHERE sku IN (?, ?)", skus.get(0), skus.get(1)))
                .isZero();
        assertThat(cart.etag()).isEqualTo(version);
        assertThat(queryLong("SELECT count(*) FROM customer_order WHERE cart_id = ?", cart.id()))
                .isZero();
    }

    /**
     * The outbox table disappears for one placement, after the order, the hold and the coupon use were
     * written in the same transaction: all of it rolls back.
     */
    @Test
    void aDatabaseFailureMidPlacementLeavesNoOrderNoHoldAndNoCouponUse() throws Exception {
        List<String> skus = stockedSkus(5, 3000);
        String coupon = CheckoutFixture.singleUseCoupon(10);
        GuestCart cart = guestCart();
        cart.add(skus.get(0), 2).then().statusCode(200);
        cart.details(Map.of("coupon", coupon)).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = orderBody(cart.id());
        Response failed;
        try (Connection db = CheckoutFixture.database();
                Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE outbox RENAME TO outbox_gone");
            try {
                failed = place(cart, key, body);
            } finally {
                sql.execute("ALTER TABLE outbox_gone RENAME TO outbox");
            }
        }
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.asString()).doesNotContain("outbox");

        assertThat(queryLong("SELECT count(*) FROM customer_order WHERE cart_id = ?", cart.id()))
                .isZero();
        assertThat(queryLong("SELECT reserved FROM stock WHERE sku = ?", skus.get(0)))
                .isZero();
        assertThat(queryLong("SELECT used FROM promotion WHERE code = ?", coupon))
                .isZero();
        // The key was not kept either: the retry places the order.
        place(cart, key, body).then().statusCode(201);
    }

    private static <T> List<T> race(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stock changes made by staff through the inventory API. */
    private static final class StaffStock {
        static void remove(String sku, int units) {
            com.emporium.testsupport.Api.as("staff")
                    .contentType("application/json")
                    .body(Map.of("delta", -units, "reason", "sold elsewhere"))
                    .post("/api/v1/admin/inventory/stock/{sku}/adjustments", sku)
                    .then()
                    .statusCode(200);
        }
    }
}
