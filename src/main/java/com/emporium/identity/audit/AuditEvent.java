package com.emporium.identity.audit;

import com.emporium.platform.LogText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One security-relevant fact; append-only. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String actor;

    private String subject;

    @Column(name = "client_ip")
    private String clientIp;

    @Column(name = "request_id")
    private String requestId;

    private String detail;

    protected AuditEvent() {}

    AuditEvent(String type, String actor, String subject, String clientIp, String requestId, String detail) {
        this.occurredAt = Instant.now();
        this.type = type;
        this.actor = clip(actor, 254);
        this.subject = clip(subject, 254);
        this.clientIp = clip(clientIp, 64);
        this.requestId = clip(requestId, 64);
        this.detail = clip(detail, 500);
    }

    /** Input may hold control characters (CR/LF above all); stored escaped, so a reader never sees them raw. */
    private static String clip(String s, int max) {
        String safe = s == null ? null : LogText.escape(s);
        return safe == null || safe.length() <= max ? safe : safe.substring(0, max);
    }

    AuditEventView view() {
        return new AuditEventView(id, occurredAt, type, actor, subject, clientIp, requestId, detail);
    }
}
