package com.emporium.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A refresh token, known only by its SHA-256. It can be exchanged once; a second use is theft. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {
    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    private Session session;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RefreshToken() {}

    RefreshToken(String tokenHash, Session session, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.session = session;
        this.issuedAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    Session session() {
        return session;
    }

    boolean spent() {
        return usedAt != null;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void spend() {
        usedAt = Instant.now();
    }
}
