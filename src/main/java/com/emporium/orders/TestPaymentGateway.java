package com.emporium.orders;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The built-in provider for development and tests: approves unless the instruction is "decline".
 * It moves no money, so {@link PaymentStartupCheck} keeps it out of real deployments.
 */
@ApplicationScoped
public class TestPaymentGateway implements PaymentGateway {
    public static final String NAME = "test";

    @Override
    public String provider() {
        return NAME;
    }

    @Override
    public Authorisation authorise(long orderId, long amount, String currency, String instruction) {
        if ("decline".equals(instruction)) {
            return new Authorisation(false, null, "The test provider declined as instructed.");
        }
        return new Authorisation(true, "test_" + UUID.randomUUID(), null);
    }
}
