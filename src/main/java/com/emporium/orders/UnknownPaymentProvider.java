package com.emporium.orders;

import com.emporium.platform.problem.ProblemException;

/** 422 /problems/payment-provider-unavailable: no enabled provider has this name. */
public class UnknownPaymentProvider extends ProblemException {
    public UnknownPaymentProvider(String provider) {
        super(
                422,
                "payment-provider-unavailable",
                "Payment provider unavailable",
                "No payment provider named '" + provider + "' is enabled.");
    }
}
