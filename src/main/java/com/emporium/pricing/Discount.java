package com.emporium.pricing;

/** A cart-wide reduction: a percentage (1..100) or a fixed amount in minor units. */
public record Discount(Kind kind, long value) {
    public enum Kind {
        PERCENTAGE,
        FIXED
    }

    public Discount {
        if (value <= 0 || (kind == Kind.PERCENTAGE && value > 100)) {
            throw new IllegalArgumentException("discount value out of range: " + value);
        }
    }

    /** What it takes off a subtotal: never more than the subtotal, so a total never goes negative. */
    long amountOff(long subtotal) {
        long off = kind == Kind.FIXED ? value : Rounding.halfUp(Math.multiplyExact(subtotal, value), 100);
        return Math.min(off, subtotal);
    }
}
