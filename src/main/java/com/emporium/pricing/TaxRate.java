package com.emporium.pricing;

/** A tax rate in basis points (1900 = 19 %), named as it appears on an invoice. */
public record TaxRate(String name, int basisPoints) {
    public static final TaxRate NONE = new TaxRate("No tax", 0);

    public TaxRate {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("basis points out of range: " + basisPoints);
        }
    }
}
