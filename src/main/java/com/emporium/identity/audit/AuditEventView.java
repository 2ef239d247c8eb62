package com.emporium.identity.audit;

import java.time.Instant;

public record AuditEventView(
        long id,
        Instant occurredAt,
        String type,
        String actor,
        String subject,
        String clientIp,
        String requestId,
        String detail) {}
