package com.emporium.orders;

import java.util.EnumSet;
import java.util.Set;

/** The order lifecycle; {@link #next()} is the whole state machine (docs/orders.md draws it). */
public enum OrderState {
    PENDING_PAYMENT,
    PAID,
    PARTIALLY_FULFILLED,
    FULFILLED,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    REFUNDED,
    PARTIALLY_REFUNDED;

    /** States reachable in one step. A paid order is not cancelled here: that needs a refund. */
    public Set<OrderState> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(PARTIALLY_FULFILLED, FULFILLED, REFUNDED, PARTIALLY_REFUNDED);
            case PARTIALLY_FULFILLED -> EnumSet.of(PARTIALLY_FULFILLED, FULFILLED);
            case FULFILLED -> EnumSet.of(SHIPPED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(REFUNDED, PARTIALLY_REFUNDED);
            case PARTIALLY_REFUNDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
            case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderState.class);
        };
    }
}
