package com.emporium.inventory;

import com.emporium.platform.Sku;
import com.emporium.platform.problem.Conflict;

/** 409 /problems/out-of-stock: no location can cover a requested line; the whole reservation is refused. */
public class OutOfStock extends Conflict {
    public OutOfStock(Sku sku, int requested) {
        super("out-of-stock", "Out of stock", "SKU '" + sku + "' does not have " + requested + " unit(s) available.");
    }
}
