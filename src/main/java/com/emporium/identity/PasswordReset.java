package com.emporium.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A password reset token, known here only by its SHA-256: whoever reads the table cannot use it. It
 * can be used once, before it expires.
 */
@Entity
@Table(name = "password_reset")
public class PasswordReset {
    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordReset() {}

    PasswordReset(String tokenHash, long accountId, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Spends the token; a used or expired one is refused and stays as it is. */
    void use(Instant now) {
        if (usedAt != null) {
            throw new ResetTokenRefused.Used();
        }
        if (!now.isBefore(expiresAt)) {
            throw new ResetTokenRefused.Expired();
        }
        usedAt = now;
    }

    /** Another token of the account was used: this one may no longer be. */
    void withdraw(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    long accountId() {
        return accountId;
    }
}
