package com.emporium.cart;

import com.emporium.platform.problem.Conflict;

/** 409 /problems/cart-ordered: an order was placed from this cart; it can no longer change. */
public class CartClosed extends Conflict {
    public CartClosed(String id) {
        super("cart-ordered", "Cart already ordered", "Cart " + id + " has been turned into an order.");
    }
}
