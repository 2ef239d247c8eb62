package com.emporium.pricing;

import java.math.BigInteger;

/** Integer division rounded half up, for non-negative amounts; exact, no floating point. */
final class Rounding {
    private Rounding() {}

    static long halfUp(long numerator, long denominator) {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("halfUp needs a non-negative numerator and a positive denominator");
        }
        return numerator / denominator + (2 * (numerator % denominator) >= denominator ? 1 : 0);
    }

    /** numerator × factor / denominator, half up, without overflowing on the product. */
    static long halfUp(long numerator, long factor, long denominator) {
        BigInteger[] qr = BigInteger.valueOf(numerator)
                .multiply(BigInteger.valueOf(factor))
                .divideAndRemainder(BigInteger.valueOf(denominator));
        long quotient = qr[0].longValueExact();
        return qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(denominator)) >= 0 ? quotient + 1 : quotient;
    }
}
