package com.emporium.loyalty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of an account's ledger. Entries are created through the factories below, which fix the
 * sign of each kind, and never change afterwards (the database refuses updates and deletes too).
 */
@Entity
@Table(name = "loyalty_entry")
public class LoyaltyEntry {
    /** What an entry records; {@link #lot()} kinds can expire. */
    public enum Kind {
        EARN,
        REDEEM_HOLD,
        REDEEM_RELEASE,
        REDEEM_CONFIRM,
        REVERSAL,
        EXPIRE,
        ADJUST;
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false, updatable = false)
    private long points;

    @Column(name = "order_id", updatable = false)
    private Long orderId;

    @Column(name = "lot_id", updatable = false)
    private Long lotId;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "available_at", nullable = false, updatable = false)
    private Instant availableAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected LoyaltyEntry() {}

    private LoyaltyEntry(
            String account,
            Kind kind,
            long points,
            Long orderId,
            Long lotId,
            String actor,
            String reason,
            Instant availableAt,
            Instant expiresAt,
            Instant at) {
        this.account = account;
        this.kind = kind;
        this.points = points;
        this.orderId = orderId;
        this.lotId = lotId;
        this.actor = actor;
        this.reason = reason;
        this.availableAt = availableAt;
        this.expiresAt = expiresAt;
        this.createdAt = at;
    }

    static LoyaltyEntry earn(
            String account, long orderId, long points, Instant availableAt, Instant expiresAt, Instant at) {
        requirePositive(points);
        return new LoyaltyEntry(
                account,
                Kind.EARN,
                points,
                orderId,
                null,
                "system",
                "order " + orderId + " paid",
                availableAt,
                expiresAt,
                at);
    }

    static LoyaltyEntry hold(String account, long orderId, long points, Instant at) {
        requirePositive(points);
        return new LoyaltyEntry(
                account,
                Kind.REDEEM_HOLD,
                -points,
                orderId,
                null,
                account,
                "redeemed on order " + orderId,
                at,
                null,
                at);
    }

    static LoyaltyEntry release(LoyaltyEntry hold, String reason, Instant at) {
        return new LoyaltyEntry(
                hold.account, Kind.REDEEM_RELEASE, -hold.points, hold.orderId, null, "system", reason, at, null, at);
    }

    static LoyaltyEntry confirm(LoyaltyEntry hold, Instant at) {
        return new LoyaltyEntry(
                hold.account,
                Kind.REDEEM_CONFIRM,
                0,
                hold.orderId,
                null,
                "system",
                "order " + hold.orderId + " paid",
                at,
                null,
                at);
    }

    static LoyaltyEntry reversal(String account, long orderId, long points, String reason, String actor, Instant at) {
        requirePositive(points);
        return new LoyaltyEntry(account, Kind.REVERSAL, -points, orderId, null, actor, reason, at, null, at);
    }

    static LoyaltyEntry expire(LoyaltyEntry lot, long points, Instant at) {
        requirePositive(points);
        return new LoyaltyEntry(
                lot.account,
                Kind.EXPIRE,
                -points,
                null,
                lot.id,
                "system",
                "expired (lot " + lot.id + ")",
                at,
                null,
                at);
    }

    /** A staff correction; a positive one is a lot of its own that expires like earned points. */
    static LoyaltyEntry adjust(
            String account, long points, String reason, String actor, Instant at, Instant expiresAt) {
        if (points == 0) {
            throw new IllegalArgumentException("an adjustment changes the balance");
        }
        return new LoyaltyEntry(
                account, Kind.ADJUST, points, null, null, actor, reason, at, points > 0 ? expiresAt : null, at);
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("points must be positive: " + points);
        }
    }

    /** Earned or granted points: they become available at {@link #availableAt()} and expire as a lot. */
    boolean lot() {
        return (kind == Kind.EARN || kind == Kind.ADJUST) && points > 0;
    }

    public Long id() {
        return id;
    }

    public String account() {
        return account;
    }

    public Kind kind() {
        return kind;
    }

    public long points() {
        return points;
    }

    public Optional<Long> orderId() {
        return Optional.ofNullable(orderId);
    }

    public Optional<Long> lotId() {
        return Optional.ofNullable(lotId);
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public Instant availableAt() {
        return availableAt;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
