package com.emporium.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An integrator's endpoint: where matching events go and the secret they are signed with. It disables
 * itself after too many failed attempts in a row; staff enable it again once the receiver is fixed.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String url;

    @Column(name = "event_types", nullable = false)
    private String eventTypes;

    private String description;

    @Column(nullable = false)
    private String secret;

    private boolean enabled;

    @Column(name = "failure_streak")
    private int failureStreak;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WebhookEndpoint() {}

    WebhookEndpoint(String url, List<String> eventTypes, String description, String secret, Instant now) {
        this.secret = secret;
        this.createdAt = now;
        this.enabled = true;
        change(url, eventTypes, description, true);
    }

    void change(String url, List<String> eventTypes, String description, boolean enabled) {
        this.url = url;
        this.eventTypes =
                String.join(",", eventTypes.stream().distinct().sorted().toList());
        this.description = description;
        if (enabled && !this.enabled) {
            failureStreak = 0;
            disabledReason = null;
        }
        this.enabled = enabled;
    }

    /** A delivered attempt ends a failure streak. */
    void succeeded() {
        failureStreak = 0;
    }

    /** Answers true when this failure disabled the endpoint. */
    boolean failed(int disableAfter) {
        failureStreak++;
        if (enabled && failureStreak >= disableAfter) {
            enabled = false;
            disabledReason = "disabled after " + failureStreak + " failed attempts in a row";
            return true;
        }
        return false;
    }

    public Long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public List<String> eventTypes() {
        return Arrays.asList(eventTypes.split(","));
    }

    public String description() {
        return description;
    }

    String secret() {
        return secret;
    }

    public boolean enabled() {
        return enabled;
    }

    public int failureStreak() {
        return failureStreak;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
