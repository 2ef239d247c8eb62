package com.emporium.identity;

import java.time.Instant;
import java.util.UUID;

/** One of the caller's active logins, to review and end from another device. */
public record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, String userAgent, boolean current) {}
