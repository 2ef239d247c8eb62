package com.emporium.orders;

import static com.emporium.orders.CheckoutFixture.guestCart;
import static com.emporium.orders.CheckoutFixture.orderBody;
import static com.emporium.orders.CheckoutFixture.place;
import static com.emporium.orders.CheckoutFixture.queryLong;
import static com.emporium.orders.CheckoutFixture.stockedSkus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.emporium.orders.CheckoutFixture.GuestCart;
import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole path over HTTP: guest cart, prices, order with an idempotency key, payment, fulfilment. */
class CheckoutIT {

    @Test
    void aGuestBuysTwoProductsPaysAndStaffShipTheOrder() {
        List<String> skus = stockedSkus(10, 1190, 2500);
        GuestCart cart = guestCart();
        cart.add(skus.get(0), 2).then().statusCode(200);
        cart.add(skus.get(1), 1).then().statusCode(200);
        Response priced = cart.details(Map.of("country", "DE", "coupon", "welcome10"));
        priced.then()
                .statusCode(200)
                .body("subtotal", equalTo(4880))
                .body("discount", equalTo(488))
                .body("total", equalTo(4392))
                .body("coupon.applied", equalTo(true))
                .body("taxes[0].name", equalTo("DE VAT 19%"))
                .body("shippingOptions.code", hasItem("eu-standard"));
        // Inclusive prices: 19 % is inside each discounted line amount, rounded half up per line:
        // 2142 × 19/119 = 342.0 and 2250 × 19/119 = 359.2.
        assertThat(priced.jsonPath().getLong("tax")).isEqualTo(342 + 359);

        String key = UUID.randomUUID().toString();
        Map<String, Object> body = orderBody(cart.id());
        Response placed = place(cart, key, body);
        placed.then()
                .statusCode(201)
                .body("state", equalTo("PENDING_PAYMENT"))
                .body("shipping", equalTo(490))
                .body("total", equalTo(4392 + 490));
        long orderId = placed.jsonPath().getLong("id");
        String orderToken = placed.path("accessToken");
        assertThat(queryLong("SELECT sum(reserved) FROM stock WHERE sku IN (?, ?)", skus.get(0), skus.get(1)))
                .isEqualTo(3);

        // Same key and body: the same answer, byte for byte; same key, other body: 422.
        Response again = place(cart, key, body);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.asString()).isEqualTo(placed.asString());
        Map<String, Object> other = orderBody(cart.id());
        place(cart, key, other).then().statusCode(422).body("type", equalTo("/problems/idempotency-key-reused"));
        assertThat(queryLong("SELECT count(*) FROM customer_order WHERE cart_id = ?", cart.id()))
                .isEqualTo(1);

        // The guest reads the order with its token; without it the order does not exist.
        Api.anonymous().get("/api/v1/orders/{id}", orderId).then().statusCode(404);
        Api.anonymous()
                .header("Order-Token", orderToken)
                .get("/api/v1/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .body("total", equalTo(4882));

        // A decline changes nothing; the test provider then approves; a second payment is refused.
        pay(orderId, orderToken, "decline").then().statusCode(402).body("type", equalTo("/problems/payment-declined"));
        assertThat(queryLong("SELECT on_hand FROM stock WHERE sku = ?", skus.get(0)))
                .isEqualTo(10);
        pay(orderId, orderToken, null).then().statusCode(200).body("state", equalTo("PAID"));
        pay(orderId, orderToken, null)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/invalid-transition"))
                .body("detail", org.hamcrest.Matchers.containsString("PAID"));
        assertThat(queryLong("SELECT on_hand FROM stock WHERE sku = ?", skus.get(0)))
                .isEqualTo(8);
        assertThat(queryLong("SELECT reserved FROM stock WHERE sku = ?", skus.get(0)))
                .isZero();
        assertThat(queryLong(
                        "SELECT count(*) FROM stock_movement WHERE kind = 'SALE' AND sku IN (?, ?)",
                        skus.get(0),
                        skus.get(1)))
                .isEqualTo(2);

        // Staff see it with its history, fulfil it in two parts, ship and deliver it.
        Accounts.Login staff = Accounts.withRole("staff");
        staff.api()
                .get("/api/v1/admin/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .body("history.to", equalTo(List.of("PENDING_PAYMENT", "PAID")));
        staff.api()
                .queryParam("state", "PAID")
                .queryParam("email", body.get("email"))
                .get("/api/v1/admin/orders")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) orderId)));
        staff.api().post("/api/v1/admin/orders/{id}/shipment", orderId).then().statusCode(409);
        fulfil(staff, orderId, skus.get(0), 2).then().statusCode(200).body("state", equalTo("PARTIALLY_FULFILLED"));
        fulfil(staff, orderId, skus.get(0), 1).then().statusCode(422);
        fulfil(staff, orderId, skus.get(1), 1).then().statusCode(200).body("state", equalTo("FULFILLED"));
        staff.api().post("/api/v1/admin/orders/{id}/shipment", orderId).then().statusCode(200);
        staff.api()
                .post("/api/v1/admin/orders/{id}/delivery", orderId)
                .then()
                .statusCode(200)
                .body("state", equalTo("DELIVERED"))
                .body("trackingNumber", equalTo("TRACK-" + skus.get(1)));

        // The outbox holds every event of the order, in order, written with each change.
        assertThat(outboxTypes(orderId))
                .containsExactly(
                        "order.placed",
                        "order.paid",
                        "order.fulfilled",
                        "order.fulfilled",
                        "order.shipped",
                        "order.delivered");
        assertThat(queryLong("SELECT count(*) FROM order_transition WHERE order_id = ?", orderId))
                .isEqualTo(6);

        // The snapshot does not move when the catalog does.
        Api.admin().get("/api/v1/admin/orders/{id}", orderId).then().body("lines[0].unitPrice", equalTo(1190));
    }

    @Test
    void aCustomerSeesOwnOrdersNewestFirstAndNobodyElses() {
        List<String> skus = stockedSkus(10, 1000);
        Accounts.Login customer = Accounts.customer();
        Accounts.Login stranger = Accounts.customer();
        long first = customerOrder(customer, skus.get(0));
        long second = customerOrder(customer, skus.get(0));

        customer.api()
                .queryParam("limit", 1)
                .get("/api/v1/me/orders")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) second)));
        String cursor =
                customer.api().queryParam("limit", 1).get("/api/v1/me/orders").path("nextCursor");
        customer.api()
                .queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get("/api/v1/me/orders")
                .then()
                .body("items.id", equalTo(List.of((int) first)));
        customer.api().get("/api/v1/orders/{id}", first).then().statusCode(200);
        stranger.api().get("/api/v1/orders/{id}", first).then().statusCode(404);
        stranger.api().get("/api/v1/me/orders").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void placingNeedsAnIdempotencyKey() {
        List<String> skus = stockedSkus(5, 1000);
        GuestCart cart = guestCart();
        cart.add(skus.get(0), 1).then().statusCode(200);
        cart.api()
                .body(orderBody(cart.id()))
                .post("/api/v1/orders")
                .then()
                .statusCode(400)
                .body("type", equalTo("/problems/idempotency-key-required"));
        assertThat(queryLong("SELECT reserved FROM stock WHERE sku = ?", skus.get(0)))
                .isZero();
    }

    @Test
    void anUnpaidOrderPastItsHoldIsCancelledAndItsUnitsComeBack() {
        List<String> skus = stockedSkus(4, 1000);
        GuestCart cart = guestCart();
        cart.add(skus.get(0), 3).then().statusCode(200);
        long orderId = place(cart, UUID.randomUUID().toString(), orderBody(cart.id()))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        assertThat(queryLong("SELECT reserved FROM stock WHERE sku = ?", skus.get(0)))
                .isEqualTo(3);
        CheckoutFixture.execute("UPDATE customer_order SET pay_by = now() - interval '1 minute' WHERE id = ?", orderId);

        Api.admin().post("/api/v1/admin/orders/sweeps").then().statusCode(200);

        assertThat(queryLong("SELECT count(*) FROM customer_order WHERE id = ? AND state = 'CANCELLED'", orderId))
                .isEqualTo(1);
        assertThat(queryLong("SELECT reserved FROM stock WHERE sku = ?", skus.get(0)))
                .isZero();
        assertThat(queryLong("SELECT on_hand FROM stock WHERE sku = ?", skus.get(0)))
                .isEqualTo(4);
        assertThat(outboxTypes(orderId)).containsExactly("order.placed", "order.cancelled");
    }

    @Test
    void staffKeepInternalNotesOnAnOrderThatTheCustomerNeverSees() {
        List<String> skus = stockedSkus(5, 1200);
        Accounts.Login customer = Accounts.customer();
        long orderId = customerOrder(customer, skus.get(0));
        Accounts.Login staff = Accounts.withRole("staff");

        staff.api()
                .contentType("application/json")
                .body(Map.of("text", "Customer called: leave at the back door."))
                .post("/api/v1/admin/orders/{id}/notes", orderId)
                .then()
                .statusCode(201);
        Response notes = staff.api().get("/api/v1/admin/orders/{id}/notes", orderId);
        notes.then().statusCode(200);
        assertThat(notes.jsonPath().getList("text")).containsExactly("Customer called: leave at the back door.");
        assertThat(notes.jsonPath().getString("[0].author")).startsWith("account:");

        String asCustomer = customer.api().get("/api/v1/orders/{id}", orderId).asString();
        assertThat(asCustomer).doesNotContain("back door");
        customer.api().get("/api/v1/admin/orders/{id}/notes", orderId).then().statusCode(403);
        staff.api()
                .contentType("application/json")
                .body(Map.of("text", "x"))
                .post("/api/v1/admin/orders/{id}/notes", 987654321L)
                .then()
                .statusCode(404);
    }

    private static long customerOrder(Accounts.Login customer, String sku) {
        Response created = customer.api().post("/api/v1/carts");
        created.then().statusCode(201);
        String cartId = created.path("id");
        customer.api()
                .contentType("application/json")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("sku", sku, "quantity", 1))
                .post("/api/v1/carts/{id}/lines", cartId)
                .then()
                .statusCode(200);
        return customer.api()
                .contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(orderBody(cartId))
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static Response pay(long orderId, String token, String instruction) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("provider", "test");
        if (instruction != null) {
            body.put("instruction", instruction);
        }
        return Api.anonymous()
                .header("Order-Token", token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/orders/{id}/payments", orderId);
    }

    private static Response fulfil(Accounts.Login staff, long orderId, String sku, int quantity) {
        return staff.api()
                .contentType("application/json")
                .body(Map.of(
                        "lines",
                        List.of(Map.of("sku", sku, "quantity", quantity)),
                        "carrier",
                        "DHL",
                        "trackingNumber",
                        "TRACK-" + sku))
                .post("/api/v1/admin/orders/{id}/fulfillments", orderId);
    }

    static List<String> outboxTypes(long orderId) {
        List<String> types = new java.util.ArrayList<>();
        try (var db = CheckoutFixture.database();
                var sql = db.prepareStatement("SELECT type FROM outbox WHERE aggregate_id = ? ORDER BY id")) {
            sql.setLong(1, orderId);
            try (var rs = sql.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }
}
