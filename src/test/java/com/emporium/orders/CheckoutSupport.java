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
}
