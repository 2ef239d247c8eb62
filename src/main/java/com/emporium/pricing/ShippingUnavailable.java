package com.emporium.pricing;

import com.emporium.platform.problem.ProblemException;

/**
 * 422 /problems/shipping-unavailable: the chosen method does not ship to the address in this currency, or
 * the cart is heavier than its weight table allows.
 */
public class ShippingUnavailable extends ProblemException {
    public ShippingUnavailable(String method, String country) {
        super(
                422,
                "shipping-unavailable",
                "Shipping method unavailable",
                "Shipping method '" + method + "' does not deliver this cart to " + country
                        + " (not shipped there, or the cart is over its weight limit).");
    }
}
