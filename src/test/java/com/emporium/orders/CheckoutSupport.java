package com.emporium.orders;

import com.emporium.testsupport.Accounts;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/** Checkout steps other packages' tests need (the metrics contract needs a paid order). */
public final class CheckoutSupport {
    private CheckoutSupport() {}

    /** Places a guest order of one unit and pays it with the test provider; answers the order id. */
    public static long placeAndPayOneOrder() {
        String sku = CheckoutFixture.stockedSkus(5, 990).get(0);
        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        cart.add(sku, 1).then().statusCode(200);
        var placed = CheckoutFixture.place(cart, UUID.randomUUID().toString(), CheckoutFixture.orderBody(cart.id()));
        placed.then().statusCode(201);
        long id = placed.jsonPath().getLong("id");
        CheckoutIT.pay(id, placed.path("accessToken"), null).then().statusCode(200);
        return id;
    }

    /** A new SKU with {@code stock} units at {@code price} minor units. */
    public static String stockedSku(int stock, long price) {
        return CheckoutFixture.stockedSkus(stock, price).get(0);
    }

    /** A new cart of the signed-in customer holding {@code quantity} of {@code sku}; answers its id. */
    public static String customerCart(Accounts.Login customer, String sku, int quantity) {
        Response created = customer.api().post("/api/v1/carts");
        created.then().statusCode(201);
        String cartId = created.path("id");
        customer.api()
                .contentType("application/json")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("sku", sku, "quantity", quantity))
                .post("/api/v1/carts/{id}/lines", cartId)
                .then()
                .statusCode(200);
        return cartId;
    }

    /** Places the customer's cart, spending {@code points} (null: the field is left out). */
    public static Response placeCart(Accounts.Login customer, String cartId, Long points, String key) {
        return placeCart(customer, orderBody(cartId, points), key);
    }

    /** A valid order body for the cart, spending {@code points} (null: the field is left out). */
    public static Map<String, Object> orderBody(String cartId, Long points) {
        Map<String, Object> body = CheckoutFixture.orderBody(cartId);
        if (points != null) {
            body.put("points", points);
        }
        return body;
    }

    public static Response placeCart(Accounts.Login customer, Map<String, Object> body, String key) {
        return customer.api()
                .contentType("application/json")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/orders");
    }

    public static Response placeAsCustomer(Accounts.Login customer, String sku, int quantity, Long points, String key) {
        return placeCart(customer, customerCart(customer, sku, quantity), points, key);
    }

    /** A guest order of {@code quantity} units asking to spend {@code points}. */
    public static Response placeAsGuest(String sku, int quantity, Long points) {
        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        cart.add(sku, quantity).then().statusCode(200);
        Map<String, Object> body = CheckoutFixture.orderBody(cart.id());
        body.put("points", points);
        return CheckoutFixture.place(cart, UUID.randomUUID().toString(), body);
    }

    public static long queryLong(String sql, Object... params) {
        return CheckoutFixture.queryLong(sql, params);
    }

    /** A placed, unpaid guest order of one unit. */
    public record PlacedOrder(long id, String accessToken, String sku) {}

    /** Places a guest order of one stocked unit for {@code email}, shipped to Germany. */
    public static PlacedOrder placeOrder(String email) {
        String sku = CheckoutFixture.stockedSkus(5, 1990).get(0);
        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        cart.add(sku, 1).then().statusCode(200);
        var body = CheckoutFixture.orderBody(cart.id());
        body.put("email", email);
        var placed = CheckoutFixture.place(cart, UUID.randomUUID().toString(), body);
        placed.then().statusCode(201);
        return new PlacedOrder(placed.jsonPath().getLong("id"), placed.path("accessToken"), sku);
    }

    /** Pays a placed order with the test provider. */
    public static void pay(PlacedOrder order) {
        CheckoutIT.pay(order.id(), order.accessToken(), null).then().statusCode(200);
    }
}
