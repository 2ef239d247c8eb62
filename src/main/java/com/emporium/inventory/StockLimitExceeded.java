package com.emporium.inventory;

import com.emporium.platform.Sku;
import com.emporium.platform.problem.Conflict;

/**
 * 409 /problems/stock-limit: a change would take a SKU's units on hand, summed over its locations, past
 * {@link #MAX_ON_HAND}. Counters, ledger and live events are 32-bit; refusing here keeps every one of them
 * exact instead of failing in the database.
 */
public class StockLimitExceeded extends Conflict {
    static final long MAX_ON_HAND = Integer.MAX_VALUE;

    public StockLimitExceeded(Sku sku, long wouldBe) {
        super(
                "stock-limit",
                "Stock limit exceeded",
                "SKU '" + sku + "' would have " + wouldBe + " units on hand; at most " + MAX_ON_HAND + " are allowed.");
    }
}
