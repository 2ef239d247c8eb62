package com.emporium.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fans an outbox event out to the endpoints subscribed to its type, inside the relay's transaction: the
 * deliveries exist once the event counts as delivered, and each is then sent and retried on its own.
 */
@ApplicationScoped
public class WebhookQueue {
    /** What integrators can subscribe to; account events (password resets) never leave as webhooks. */
    public static final List<String> EVENT_TYPES = List.of(
            "order.placed",
            "order.paid",
            "order.fulfilled",
            "order.shipped",
            "order.delivered",
            "order.cancelled",
            "payment.failed",
            "order.refunded");

    @Inject
    WebhookRepository webhooks;

    @Inject
    @ConfigProperty(name = "emporium.webhooks.retry-hours", defaultValue = "24")
    long retryHours;

    @Transactional(Transactional.TxType.MANDATORY)
    void enqueue(OutboxEvent event) {
        if (EVENT_TYPES.contains(event.type())) {
            webhooks.enqueue(event.id(), event.type(), retryHours);
        }
    }
}
