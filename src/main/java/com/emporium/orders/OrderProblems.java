package com.emporium.orders;

import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.ProblemException;
import java.util.Collection;

/** The checkout's own failures, each with its problem type fixed here once. */
final class OrderProblems {
    private OrderProblems() {}

    /** 400 /problems/idempotency-key-required. */
    static class KeyRequired extends ProblemException {
        KeyRequired() {
            super(
                    400,
                    "idempotency-key-required",
                    "Idempotency-Key required",
                    "This request needs an Idempotency-Key header of 1 to 200 visible ASCII characters.");
        }
    }

    /** 422 /problems/idempotency-key-reused: the key was used before with another request body. */
    static class KeyReused extends ProblemException {
        KeyReused() {
            super(
                    422,
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new order.");
        }
    }

    /** 403 /problems/guest-checkout-disabled: the guest-checkout flag is off for this caller. */
    static class GuestCheckoutDisabled extends ProblemException {
        GuestCheckoutDisabled() {
            super(
                    403,
                    "guest-checkout-disabled",
                    "Guest checkout disabled",
                    "This shop asks customers to sign in before placing an order.");
        }
    }

    /** 409 /problems/cart-empty. */
    static class CartEmpty extends Conflict {
        CartEmpty(String cartId) {
            super("cart-empty", "Cart is empty", "Cart " + cartId + " has no lines to order.");
        }
    }

    /** 409 /problems/out-of-stock, naming every SKU that cannot be covered; nothing is held. */
    static class OutOfStock extends Conflict {
        OutOfStock(Collection<String> skus) {
            super(
                    "out-of-stock",
                    "Out of stock",
                    "Not enough units available for SKU(s): " + String.join(", ", skus) + ".");
        }
    }

    /** 409 /problems/items-unavailable: SKUs in the cart are no longer sold. */
    static class ItemsUnavailable extends Conflict {
        ItemsUnavailable(Collection<String> skus) {
            super(
                    "items-unavailable",
                    "Items unavailable",
                    "SKU(s) no longer sold: " + String.join(", ", skus) + ". Remove them from the cart.");
        }
    }
}
