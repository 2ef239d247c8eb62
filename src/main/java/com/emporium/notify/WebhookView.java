package com.emporium.notify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** An endpoint as staff see it. {@code secret} is present only in the answer that created it. */
public record WebhookView(
        long id,
        String url,
        List<String> eventTypes,
        String description,
        boolean enabled,
        int failureStreak,
        String disabledReason,
        Instant createdAt,
        String secret) {

    static WebhookView from(WebhookEndpoint e, String secret) {
        return new WebhookView(
                e.id(),
                e.url(),
                e.eventTypes(),
                e.description(),
                e.enabled(),
                e.failureStreak(),
                e.disabledReason(),
                e.createdAt().truncatedTo(ChronoUnit.MILLIS),
                secret);
    }
}
