package com.emporium.orders;

import static com.emporium.orders.CheckoutFixture.orderBody;
import static com.emporium.orders.CheckoutFixture.queryLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A coupon limited per customer: counted per account, or per email for guests, even under races. */
class PromotionLimitsIT {

    private static String couponOncePerCustomer() {
        String code = "ONEEACH" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.admin()
                .contentType("application/json")
                .body(Map.of("code", code, "kind", "PERCENTAGE", "value", 10, "perCustomerLimit", 1))
                .post("/api/v1/admin/promotions")
                .then()
                .statusCode(201);
        return code;
    }

    /** A cart of the customer with one unit of {@code sku} and the coupon applied; answers its id. */
    private static String customerCartWithCoupon(Accounts.Login customer, String sku, String coupon) {
        String cart = CheckoutSupport.customerCart(customer, sku, 1);
        String etag = customer.api().get("/api/v1/carts/{id}", cart).header("ETag");
        customer.api()
                .contentType("application/json")
                .header("If-Match", etag)
                .body(Map.of("coupon", coupon))
                .patch("/api/v1/carts/{id}", cart)
                .then()
                .statusCode(200);
        return cart;
    }

    private static Response place(Accounts.Login customer, String cart) {
        return CheckoutSupport.placeCart(customer, cart, null, UUID.randomUUID().toString());
    }

    @Test
    void aCustomerUsesAOncePerCustomerCouponOnceAndOthersStillCan() {
        String sku = CheckoutSupport.stockedSku(20, 3000);
        String coupon = couponOncePerCustomer();
        Accounts.Login first = Accounts.customer();
        Accounts.Login second = Accounts.customer();

        assertThat(place(first, customerCartWithCoupon(first, sku, coupon)).statusCode())
                .isEqualTo(201);
        Response again = place(first, customerCartWithCoupon(first, sku, coupon));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.<String>path("type")).isEqualTo("/problems/coupon-unavailable");
        assertThat(again.<String>path("detail")).contains("already used");
        assertThat(place(second, customerCartWithCoupon(second, sku, coupon)).statusCode())
                .isEqualTo(201);

        assertThat(queryLong("SELECT used FROM promotion WHERE code = ?", coupon))
                .isEqualTo(2);
        assertThat(queryLong(
                        "SELECT count(*) FROM promotion_redemption r JOIN promotion p ON p.id = r.promotion_id"
                                + " WHERE p.code = ?",
                        coupon))
                .isEqualTo(2);
        assertThat(queryLong("SELECT reserved FROM stock WHERE sku = ?", sku)).isEqualTo(2);
    }

    @Test
    void guestsAreCountedByTheirEmailWhateverItsCase() {
        String sku = CheckoutSupport.stockedSku(20, 3000);
        String coupon = couponOncePerCustomer();
        String email = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@it.emporium.local";

        List<Integer> statuses = new ArrayList<>();
        for (String spelling : List.of(email, email.toUpperCase())) {
            CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
            cart.add(sku, 1).then().statusCode(200);
            cart.details(Map.of("coupon", coupon)).then().statusCode(200);
            Map<String, Object> body = orderBody(cart.id());
            body.put("email", spelling);
            statuses.add(CheckoutFixture.place(cart, UUID.randomUUID().toString(), body)
                    .statusCode());
        }

        assertThat(statuses).containsExactly(201, 409);
        assertThat(queryLong("SELECT used FROM promotion WHERE code = ?", coupon))
                .isEqualTo(1);
    }

    @Test
    void tenConcurrentCheckoutsOfOneCustomerUseTheCouponOnce() throws Exception {
        String sku = CheckoutSupport.stockedSku(50, 3000);
        String coupon = couponOncePerCustomer();
        Accounts.Login customer = Accounts.customer();
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            carts.add(customerCartWithCoupon(customer, sku, coupon));
        }

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (String cart : carts) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return place(customer, cart);
                }));
            }
            start.countDown();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.statusCode() != 201))
                .allSatisfy(r -> assertThat(r.<String>path("type")).isEqualTo("/problems/coupon-unavailable"));
        assertThat(queryLong("SELECT used FROM promotion WHERE code = ?", coupon))
                .isEqualTo(1);
        assertThat(queryLong("SELECT reserved FROM stock WHERE sku = ?", sku)).isEqualTo(1);
    }
}
