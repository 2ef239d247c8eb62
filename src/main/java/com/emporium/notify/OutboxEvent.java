package com.emporium.notify;

import java.time.Instant;

/** One committed outbox row: what happened ({@code type}) to which aggregate, with its JSON payload. */
public record OutboxEvent(long id, long aggregateId, String type, String payload, Instant createdAt, int attempts) {}
