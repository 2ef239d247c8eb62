package com.emporium.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Payments, the provider events already handled, and refunds. */
@ApplicationScoped
class PaymentRepository {
    @PersistenceContext
    EntityManager em;

    /**
     * Records an intent unless it (or another for the same order and provider) is already recorded: two
     * racing requests for one order both end with the single row.
     */
    void addIfAbsent(long orderId, String provider, String intentId, long amount, String currency) {
        em.createNativeQuery("INSERT INTO payment (order_id, provider, intent_id, amount, currency, status)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING') ON CONFLICT DO NOTHING")
                .setParameter(1, orderId)
                .setParameter(2, provider)
                .setParameter(3, intentId)
                .setParameter(4, amount)
                .setParameter(5, currency)
                .executeUpdate();
    }

    Optional<Payment> ofOrder(long orderId, String provider) {
        return em.createQuery(
                        "SELECT p FROM Payment p WHERE p.orderId = :order AND p.provider = :provider", Payment.class)
                .setParameter("order", orderId)
                .setParameter("provider", provider)
                .getResultStream()
                .findFirst();
    }

    Optional<Payment> lockByIntent(String intentId) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.intentId = :intent", Payment.class)
                .setParameter("intent", intentId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /**
     * Claims an event id. A concurrent delivery of the same id waits on the primary key until this
     * transaction ends, then finds the row and does nothing: ten copies make one change.
     */
    boolean claimEvent(String id, String type) {
        return em.createNativeQuery("INSERT INTO stripe_event (id, type, result) VALUES (?1, ?2, 'received')"
                                + " ON CONFLICT DO NOTHING")
                        .setParameter(1, id)
                        .setParameter(2, type.length() > 100 ? type.substring(0, 100) : type)
                        .executeUpdate()
                == 1;
    }

    void eventResult(String id, String result) {
        em.createNativeQuery("UPDATE stripe_event SET result = ?1 WHERE id = ?2")
                .setParameter(1, result)
                .setParameter(2, id)
                .executeUpdate();
    }

    /**
     * Leases up to {@code limit} unsettled intents older than {@code minutes} for {@code leaseSeconds}:
     * SKIP LOCKED and the lease keep replicas running the job at once off each other's payments.
     */
    List<String> leaseUnsettled(long minutes, long leaseSeconds, int limit) {
        List<?> ids = em.createNativeQuery("UPDATE payment SET checked_at = now() WHERE id IN ("
                        + "SELECT id FROM payment WHERE provider = 'stripe' AND status IN ('PENDING', 'FAILED')"
                        + " AND created_at < now() - make_interval(mins => ?1)"
                        + " AND (checked_at IS NULL OR checked_at < now() - make_interval(secs => ?2))"
                        + " ORDER BY created_at LIMIT ?3 FOR UPDATE SKIP LOCKED) RETURNING intent_id")
                .setParameter(1, (int) minutes)
                .setParameter(2, (double) leaseSeconds)
                .setParameter(3, limit)
                .getResultList();
        return ids.stream().map(String.class::cast).toList();
    }

    /** A refund row: its lines are "sku:quantity" pairs joined by commas, shipping as "#shipping:1". */
    record RefundRow(
            long id, long amount, String status, String lines, boolean restock, String actor, String providerRef) {}

    long addRefund(long orderId, long amount, String currency, String lines, boolean restock, String actor) {
        return ((Number) em.createNativeQuery("INSERT INTO refund (order_id, amount, currency, status, restock, lines,"
                                + " actor) VALUES (?1, ?2, ?3, 'PENDING', ?4, ?5, ?6) RETURNING id")
                        .setParameter(1, orderId)
                        .setParameter(2, amount)
                        .setParameter(3, currency)
                        .setParameter(4, restock)
                        .setParameter(5, lines)
                        .setParameter(6, actor)
                        .getSingleResult())
                .longValue();
    }

    List<RefundRow> refundsOf(long orderId) {
        List<?> rows = em.createNativeQuery("SELECT id, amount, status, lines, restock, actor, provider_ref FROM refund"
                        + " WHERE order_id = ?1 ORDER BY id")
                .setParameter(1, orderId)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new RefundRow(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        (Boolean) r[4],
                        (String) r[5],
                        (String) r[6]))
                .toList();
    }

    Optional<Long> orderOfRefund(long refundId) {
        List<?> rows = em.createNativeQuery("SELECT order_id FROM refund WHERE id = ?1")
                .setParameter(1, refundId)
                .getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).findFirst();
    }

    /** Records a refund made outside Emporium (the Stripe dashboard) once: empty if its id is known already. */
    Optional<Long> addExternalRefund(long orderId, long amount, String currency, String providerRef, String actor) {
        List<?> ids = em.createNativeQuery("INSERT INTO refund (order_id, amount, currency, status, restock, lines,"
                        + " provider_ref, actor) VALUES (?1, ?2, ?3, 'PENDING', false, '', ?4, ?5)"
                        + " ON CONFLICT (provider_ref) WHERE provider_ref IS NOT NULL DO NOTHING RETURNING id")
                .setParameter(1, orderId)
                .setParameter(2, amount)
                .setParameter(3, currency)
                .setParameter(4, providerRef)
                .setParameter(5, actor)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).findFirst();
    }

    /** A refund still PENDING, leased for the reconciliation job. */
    record PendingRefund(long id, long orderId, long amount, Optional<String> providerRef) {}

    /** Leases pending refunds older than {@code minutes}, like {@link #leaseUnsettled} does for payments. */
    List<PendingRefund> leasePendingRefunds(long minutes, long leaseSeconds, int limit) {
        List<?> rows = em.createNativeQuery("UPDATE refund SET checked_at = now() WHERE id IN ("
                        + "SELECT id FROM refund WHERE status = 'PENDING'"
                        + " AND created_at < now() - make_interval(mins => ?1)"
                        + " AND (checked_at IS NULL OR checked_at < now() - make_interval(secs => ?2))"
                        + " ORDER BY created_at LIMIT ?3 FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, order_id, amount, provider_ref")
                .setParameter(1, (int) minutes)
                .setParameter(2, (double) leaseSeconds)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new PendingRefund(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        Optional.ofNullable((String) r[3])))
                .toList();
    }

    void refundProviderRef(long refundId, String providerRef) {
        em.createNativeQuery("UPDATE refund SET provider_ref = ?1 WHERE id = ?2")
                .setParameter(1, providerRef)
                .setParameter(2, refundId)
                .executeUpdate();
    }

    /** A known Stripe refund id is kept when the confirming step does not know it (charge.refunded). */
    void refundStatus(long refundId, String status, String providerRef) {
        em.createNativeQuery("UPDATE refund SET status = ?1, provider_ref = coalesce(CAST(?2 AS varchar(255)),"
                        + " provider_ref) WHERE id = ?3")
                .setParameter(1, status)
                .setParameter(2, providerRef)
                .setParameter(3, refundId)
                .executeUpdate();
    }

    void refundStatus(long refundId, String status) {
        em.createNativeQuery("UPDATE refund SET status = ?1 WHERE id = ?2")
                .setParameter(1, status)
                .setParameter(2, refundId)
                .executeUpdate();
    }
}
