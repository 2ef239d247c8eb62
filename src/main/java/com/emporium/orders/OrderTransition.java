package com.emporium.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of an order's history: append-only, written in the transaction that made the step. */
@Entity
@Table(name = "order_transition")
public class OrderTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private OrderState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private OrderState to;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String reason;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected OrderTransition() {}

    OrderTransition(long orderId, OrderState from, OrderState to, String actor, String reason, Instant at) {
        this.orderId = orderId;
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.reason = reason;
        this.occurredAt = at;
    }

    public OrderState from() {
        return from;
    }

    public OrderState to() {
        return to;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
