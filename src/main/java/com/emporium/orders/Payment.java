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
import java.util.Optional;

/**
 * An order's payment at an asynchronous provider (one Stripe PaymentIntent). Its status follows the
 * provider's events; a success is final, so a late failure event cannot undo it, and anything that does
 * not match the order is parked in REVIEW for staff instead of being accepted.
 */
@Entity
@Table(name = "payment")
public class Payment {
    public enum Status {
        PENDING,
        FAILED,
        SUCCEEDED,
        REVIEW
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(nullable = false)
    private String provider;

    @Column(name = "intent_id", nullable = false)
    private String intentId;

    private long amount;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String note;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Payment() {}

    /** True when this call made the change; a repeated success is not one. */
    boolean succeed(Instant now) {
        if (status == Status.SUCCEEDED) {
            return false;
        }
        status = Status.SUCCEEDED;
        note = null;
        updatedAt = now;
        return true;
    }

    /** A failed attempt; the customer may try again, so the order stays payable. Ignored after a success. */
    boolean fail(String reason, Instant now) {
        if (status == Status.SUCCEEDED || status == Status.REVIEW) {
            return false;
        }
        status = Status.FAILED;
        note = truncate(reason);
        updatedAt = now;
        return true;
    }

    void flag(String reason, Instant now) {
        status = Status.REVIEW;
        note = truncate(reason);
        updatedAt = now;
    }

    private static String truncate(String text) {
        return text == null ? null : text.length() > 500 ? text.substring(0, 500) : text;
    }

    public long orderId() {
        return orderId;
    }

    public String provider() {
        return provider;
    }

    public String intentId() {
        return intentId;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Status status() {
        return status;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }
}
