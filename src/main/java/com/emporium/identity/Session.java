package com.emporium.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One login: the family of refresh tokens that descend from it. Revoking the session (logout, reuse of
 * a spent refresh token, a password change) makes every token of the family worthless at once.
 */
@Entity
@Table(name = "auth_session")
public class Session {
    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason")
    private String revokeReason;

    @Column(name = "user_agent")
    private String userAgent;

    protected Session() {}

    Session(Account account, String userAgent) {
        this.id = UUID.randomUUID();
        this.account = account;
        this.createdAt = Instant.now();
        this.lastUsedAt = createdAt;
        this.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length()));
    }

    void touch() {
        lastUsedAt = Instant.now();
    }

    void revoke(String reason) {
        if (revokedAt == null) {
            revokedAt = Instant.now();
            revokeReason = reason;
        }
    }

    boolean active() {
        return revokedAt == null;
    }

    public UUID id() {
        return id;
    }

    public Account account() {
        return account;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    String userAgent() {
        return userAgent;
    }
}
