package com.emporium.inventory;

import com.emporium.platform.Sku;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Units held for one customer until {@code expiresAt}. A hold ends exactly once: released by its owner
 * or expired by the sweeper; the stock counters are given back by whoever ends it, in the same
 * transaction that changes the status.
 */
@Entity
@Table(name = "reservation")
public class Reservation {
    public enum Status {
        HELD,
        RELEASED,
        EXPIRED,
        /** Paid for: the units left the shelf. */
        SOLD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.HELD;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "reservation_id"))
    private List<ReservationLine> lines = new ArrayList<>();

    protected Reservation() {}

    Reservation(String owner, List<ReservationLine> lines, Instant now, Duration hold) {
        this.owner = owner;
        this.lines = new ArrayList<>(lines);
        this.createdAt = now;
        this.expiresAt = now.plus(hold);
    }

    boolean ownedBy(String subject) {
        return owner.equals(subject);
    }

    /**
     * A later expiry for a live hold; a hold past its time is gone even if the sweeper has not run yet.
     * No extension reaches past {@code longest} after the hold was made, so one buyer cannot keep units
     * from everyone else by extending for ever; at that point the answer is 409 hold-limit.
     */
    void extend(Instant now, Duration hold, Duration longest) {
        requireHeld(now);
        Instant latest = createdAt.plus(longest);
        if (!expiresAt.isBefore(latest)) {
            throw new HoldLimitReached(id, latest);
        }
        Instant extended = now.plus(hold);
        if (extended.isAfter(latest)) {
            extended = latest;
        }
        if (extended.isAfter(expiresAt)) {
            expiresAt = extended;
        }
    }

    /**
     * Ends the hold at its owner's request. Returns false when it had already ended (releasing twice is
     * harmless), so the caller gives the units back only once.
     */
    boolean release(Instant now) {
        if (status != Status.HELD) {
            return false;
        }
        status = Status.RELEASED;
        endedAt = now;
        return true;
    }

    /**
     * Ends a hold whose time has come. Returns false for a hold that has ended already or still has time,
     * so the caller gives the units back only once. The sweeper's bulk statement applies this same rule
     * in SQL ({@link ReservationRepository#expireDue}).
     */
    boolean expire(Instant now) {
        if (status != Status.HELD || expiresAt.isAfter(now)) {
            return false;
        }
        status = Status.EXPIRED;
        endedAt = now;
        return true;
    }

    /**
     * Turns the hold into a sale. Returns false when it was sold before, so a payment reported twice
     * sells once; a hold that was released or expired can no longer be sold.
     */
    boolean sell(Instant now) {
        if (status == Status.SOLD) {
            return false;
        }
        if (status != Status.HELD) {
            throw new ReservationEnded(id);
        }
        status = Status.SOLD;
        endedAt = now;
        return true;
    }

    private void requireHeld(Instant now) {
        if (status != Status.HELD || !expiresAt.isAfter(now)) {
            throw new ReservationEnded(id);
        }
    }

    /** Moves a line to another location before it is held there (its planned location ran out meanwhile). */
    void relocate(Sku sku, long locationId) {
        // A new list rather than an edit in place, so that the persistence provider sees the change.
        lines = new ArrayList<>(lines.stream()
                .map(l -> l.sku().equals(sku) ? new ReservationLine(sku, locationId, l.quantity()) : l)
                .toList());
    }

    /** Lines in the order every writer locks stock rows: by SKU, then location. */
    List<ReservationLine> linesInLockOrder() {
        return lines.stream()
                .sorted(Comparator.comparing(ReservationLine::sku).thenComparingLong(ReservationLine::locationId))
                .toList();
    }

    public Long id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public Status status() {
        return status;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public List<ReservationLine> lines() {
        return List.copyOf(lines);
    }
}
