package com.emporium.orders;

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
