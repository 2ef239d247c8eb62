package com.emporium.cart;

import com.emporium.platform.problem.NotFound;

/** 404: a line change or removal names a SKU the cart does not hold. */
public class LineNotInCart extends NotFound {
    public LineNotInCart(String sku) {
        super("SKU '" + sku + "' is not in this cart.");
    }
}
