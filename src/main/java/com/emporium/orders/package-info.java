/**
 * Orders: placing an order from a cart (idempotent by key, stock held through inventory, prices frozen
 * in a snapshot), paying it through the {@link com.emporium.orders.PaymentGateway} port, and the staff
 * side (fulfilment, shipping, cancellation). The entity guards the state machine; every transition is
 * recorded with actor, time and reason, and announced in the outbox in the same transaction.
 */
package com.emporium.orders;
