package com.emporium.orders;

import com.emporium.platform.problem.Conflict;

/** 409 /problems/invalid-transition: the order's current state does not allow the requested step. */
public class InvalidTransition extends Conflict {
    public InvalidTransition(long orderId, OrderState current, OrderState wanted) {
        super(
                "invalid-transition",
                "Invalid order transition",
                "Order " + orderId + " is " + current + "; it cannot become " + wanted + ".");
    }
}
