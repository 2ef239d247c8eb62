package com.emporium.orders;

/**
 * The payment port: one implementation per provider. Checkout asks it to authorise an order's total;
 * the Stripe provider arrives with the payments work, the built-in {@code test} provider ships now.
 */
public interface PaymentGateway {
    String provider();

    /** Authorises {@code amount} minor units; {@code instruction} is provider-specific input from the client. */
    Authorisation authorise(long orderId, long amount, String currency, String instruction);

    record Authorisation(boolean approved, String reference, String declineReason) {}
}
