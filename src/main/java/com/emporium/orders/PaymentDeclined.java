package com.emporium.orders;

import com.emporium.platform.problem.ProblemException;

/** 402 /problems/payment-declined: the provider refused; the order stays unpaid and can be paid again. */
public class PaymentDeclined extends ProblemException {
    public PaymentDeclined(String detail) {
        super(402, "payment-declined", "Payment declined", detail);
    }
}
