package com.emporium.loyalty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every query about loyalty accounts and their ledgers. */
@ApplicationScoped
class LoyaltyRepository {
    @PersistenceContext
    EntityManager em;

    /** Creates the account row if needed and locks it until the transaction ends. */
    void lock(String account) {
        em.createNativeQuery("INSERT INTO loyalty_account (account) VALUES (?1) ON CONFLICT (account) DO NOTHING")
                .setParameter(1, account)
                .executeUpdate();
        em.createNativeQuery("SELECT account FROM loyalty_account WHERE account = ?1 FOR UPDATE")
                .setParameter(1, account)
                .getSingleResult();
    }

    List<LoyaltyEntry> entries(String account) {
        return em.createQuery("SELECT e FROM LoyaltyEntry e WHERE e.account = :a ORDER BY e.id", LoyaltyEntry.class)
                .setParameter("a", account)
                .getResultList();
    }

    List<LoyaltyEntry> recent(String account, int limit) {
        return em.createQuery(
                        "SELECT e FROM LoyaltyEntry e WHERE e.account = :a ORDER BY e.id DESC", LoyaltyEntry.class)
                .setParameter("a", account)
                .setMaxResults(limit)
                .getResultList();
    }

    Optional<LoyaltyEntry> ofOrder(long orderId, LoyaltyEntry.Kind kind) {
        return em.createQuery("SELECT e FROM LoyaltyEntry e WHERE e.orderId = :o AND e.kind = :k", LoyaltyEntry.class)
                .setParameter("o", orderId)
                .setParameter("k", kind)
                .getResultStream()
                .findFirst();
    }

    long reversed(long orderId) {
        Number sum = (Number) em.createNativeQuery(
                        "SELECT COALESCE(-SUM(points), 0) FROM loyalty_entry WHERE order_id = ?1 AND kind = 'REVERSAL'")
                .setParameter(1, orderId)
                .getSingleResult();
        return sum.longValue();
    }

    /** Appends an entry (its id is known afterwards) and keeps the account's cached sum in step. */
    void append(LoyaltyEntry entry) {
        em.persist(entry);
        em.flush();
        em.createNativeQuery(
                        "UPDATE loyalty_account SET points_total = points_total + ?1, updated_at = now() WHERE account = ?2")
                .setParameter(1, entry.points())
                .setParameter(2, entry.account())
                .executeUpdate();
    }

    void setNextExpiry(String account, Optional<Instant> nextExpiry) {
        em.createNativeQuery("UPDATE loyalty_account SET next_expiry = ?1 WHERE account = ?2")
                .setParameter(1, nextExpiry.map(Timestamp::from).orElse(null))
                .setParameter(2, account)
                .executeUpdate();
    }

    /** Accounts with a lot due to expire, locked; another replica's sweeper skips them. */
    @SuppressWarnings("unchecked")
    List<String> claimDueForExpiry(Instant now, int limit) {
        return em.createNativeQuery("SELECT account FROM loyalty_account WHERE next_expiry <= ?1"
                        + " ORDER BY next_expiry LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, limit)
                .getResultList();
    }

    record Cached(String account, long cached, long ledger) {}

    /** Accounts whose cached sum differs from the sum of their ledger, and how many were checked. */
    @SuppressWarnings("unchecked")
    List<Cached> drifted() {
        List<Object[]> rows = em.createNativeQuery("SELECT a.account, a.points_total, COALESCE(SUM(e.points), 0)"
                        + " FROM loyalty_account a LEFT JOIN loyalty_entry e ON e.account = a.account"
                        + " GROUP BY a.account, a.points_total"
                        + " HAVING a.points_total <> COALESCE(SUM(e.points), 0) ORDER BY a.account")
                .getResultList();
        return rows.stream()
                .map(r -> new Cached((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    long accounts() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM loyalty_account")
                        .getSingleResult())
                .longValue();
    }
}
