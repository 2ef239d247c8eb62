package com.emporium.cart;

import com.emporium.platform.problem.ProblemException;

/** 422 /problems/cart-limit: too many lines, or a line's quantity would pass its maximum. */
public class CartLimitExceeded extends ProblemException {
    public CartLimitExceeded(String detail) {
        super(422, "cart-limit", "Cart limit exceeded", detail);
    }
}
