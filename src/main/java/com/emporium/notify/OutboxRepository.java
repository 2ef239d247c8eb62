package com.emporium.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox table as the relay sees it: claim the next due row, then mark it sent, retried or failed. */
@ApplicationScoped
class OutboxRepository {
    @PersistenceContext
    EntityManager em;

    /**
     * Locks the oldest due row for the current transaction. SKIP LOCKED lets every replica drain at
     * once without two of them ever holding the same row; the lock ends with the transaction that sent it.
     */
    Optional<OutboxEvent> claimNext() {
        List<?> rows = em.createNativeQuery("SELECT id, aggregate_id, type, payload,"
                        + " (extract(epoch FROM created_at) * 1000000)::bigint, attempts FROM outbox"
                        + " WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()"
                        + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(r -> {
            long micros = ((Number) r[4]).longValue();
            return new OutboxEvent(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    (String) r[3],
                    Instant.EPOCH.plusNanos(micros * 1000),
                    ((Number) r[5]).intValue());
        });
    }

    void markDelivered(long id) {
        em.createNativeQuery("UPDATE outbox SET delivered_at = now(), attempts = attempts + 1, last_error = NULL"
                        + " WHERE id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    /** A delivered secret (a password reset token) does not stay in the table. */
    void redactPayload(long id) {
        em.createNativeQuery("UPDATE outbox SET payload = '{\"redacted\":true}' WHERE id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    void retryLater(long id, long delayMillis, String error) {
        em.createNativeQuery("UPDATE outbox SET attempts = attempts + 1, last_error = ?2,"
                        + " next_attempt_at = now() + make_interval(secs => ?3) WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, truncate(error))
                .setParameter(3, delayMillis / 1000.0)
                .executeUpdate();
    }

    void markFailed(long id, String error) {
        em.createNativeQuery("UPDATE outbox SET attempts = attempts + 1, last_error = ?2, failed_at = now()"
                        + " WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, truncate(error))
                .executeUpdate();
    }

    /** How many rows wait, and the age in seconds of the oldest (0 when none). */
    long[] pendingAndOldestAge() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*),"
                        + " coalesce(extract(epoch FROM now() - min(created_at)), 0)::bigint"
                        + " FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL")
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    void append(long aggregateId, String type, String payload) {
        em.createNativeQuery("INSERT INTO outbox (aggregate_id, type, payload) VALUES (?1, ?2, ?3)")
                .setParameter(1, aggregateId)
                .setParameter(2, type)
                .setParameter(3, payload)
                .executeUpdate();
    }

    private static String truncate(String text) {
        String value = text == null ? "unknown" : text;
        return value.length() <= 300 ? value : value.substring(0, 300);
    }
}
