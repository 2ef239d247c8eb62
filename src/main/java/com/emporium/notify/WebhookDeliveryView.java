package com.emporium.notify;

import java.time.Instant;
import java.util.List;

/** One event sent (or being sent) to one endpoint, with every attempt: its HTTP status and duration. */
public record WebhookDeliveryView(
        long id,
        String messageId,
        String eventType,
        String state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        List<Attempt> log) {

    /** {@code status} is empty when no answer came (refused connection, timeout). */
    public record Attempt(Instant at, Integer status, int durationMillis, String error) {}
}
