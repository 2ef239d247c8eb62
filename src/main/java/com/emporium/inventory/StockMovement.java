package com.emporium.inventory;

import com.emporium.platform.Sku;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of units on hand, with who made it and why. The ledger is append-only. */
@Entity
@Table(name = "stock_movement")
public class StockMovement {
    public enum Kind {
        /** Goods arrived. */
        RECEIPT,
        /** A correction by a delta: damage, loss, found units. */
        ADJUSTMENT,
        /** A stock count set the absolute figure; the delta is what the count changed. */
        COUNT,
        /** A paid order took held units off the shelf. */
        SALE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String sku;

    @Column(name = "location_id", nullable = false)
    private long locationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    private int delta;

    @Column(name = "on_hand_after")
    private int onHandAfter;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected StockMovement() {}

    StockMovement(Sku sku, long locationId, Kind kind, int delta, int onHandAfter, String reason, String actor) {
        this.sku = sku.value();
        this.locationId = locationId;
        this.kind = kind;
        this.delta = delta;
        this.onHandAfter = onHandAfter;
        this.reason = reason;
        this.actor = actor;
        this.occurredAt = Instant.now();
    }

    public Long id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public long locationId() {
        return locationId;
    }

    public Kind kind() {
        return kind;
    }

    public int delta() {
        return delta;
    }

    public int onHandAfter() {
        return onHandAfter;
    }

    public String reason() {
        return reason;
    }

    public String actor() {
        return actor;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
