package com.emporium.inventory;

import com.emporium.platform.problem.Conflict;

/** 409: a stock change would leave fewer units on hand than are reserved (or fewer than zero). */
public class InsufficientStock extends Conflict {
    public InsufficientStock(String detail) {
        super("insufficient-stock", "Insufficient stock", detail);
    }
}
