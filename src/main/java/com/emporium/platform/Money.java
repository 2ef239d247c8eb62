package com.emporium.platform;

import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount: minor units of an ISO 4217 currency (1999 EUR is €19.99). Never a floating-point
 * number, so sums, comparisons and refunds are exact.
 */
public record Money(long amount, String currency) {
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (!isCurrencyCode(currency)) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency);
        }
    }

    public static boolean isCurrencyCode(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
