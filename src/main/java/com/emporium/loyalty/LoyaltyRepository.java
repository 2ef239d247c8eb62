package com.emporium.loyalty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** One newest-first page of an account's entries below {@code beforeId}; one more than asked tells if more follow. */
    List<LoyaltyEntry> page(String account, Optional<Long> beforeId, int size) {
        return em.createQuery(
                        "SELECT e FROM LoyaltyEntry e WHERE e.account = :a AND e.id < :before ORDER BY e.id DESC",
                        LoyaltyEntry.class)
                .setParameter("a", account)
                .setParameter("before", beforeId.orElse(Long.MAX_VALUE))
                .setMaxResults(size)
                .getResultList();
    }

    /** An order's payment as counted towards the tier. */
    record Spend(String account, String currency, long amount, Instant paidAt) {}

    Optional<Spend> paidSpend(long orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT account, currency, amount, paid_at FROM loyalty_spend WHERE order_id = ?1 AND amount > 0")
                .setParameter(1, orderId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Spend((String) r[0], ((String) r[1]).trim(), ((Number) r[2]).longValue(), instant(r[3])));
    }

    /** What refunds have taken back of an order's counted spend so far (a positive number). */
    long refundedSpend(long orderId) {
        return ((Number) em.createNativeQuery(
                                "SELECT COALESCE(-SUM(amount), 0) FROM loyalty_spend WHERE order_id = ?1 AND amount < 0")
                        .setParameter(1, orderId)
                        .getSingleResult())
                .longValue();
    }

    void recordSpend(String account, long orderId, String currency, long amount, Instant paidAt) {
        em.createNativeQuery("INSERT INTO loyalty_spend (account, order_id, currency, amount, paid_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, account)
                .setParameter(2, orderId)
                .setParameter(3, currency)
                .setParameter(4, amount)
                .setParameter(5, Timestamp.from(paidAt))
                .executeUpdate();
    }

    /** Net spend per currency paid at or after {@code since}. */
    @SuppressWarnings("unchecked")
    Map<String, Long> spendSince(String account, Instant since) {
        List<Object[]> rows = em.createNativeQuery("SELECT currency, SUM(amount) FROM loyalty_spend"
                        + " WHERE account = ?1 AND paid_at >= ?2 GROUP BY currency")
                .setParameter(1, account)
                .setParameter(2, Timestamp.from(since))
                .getResultList();
        Map<String, Long> out = new HashMap<>();
        rows.forEach(r -> out.put(((String) r[0]).trim(), ((Number) r[1]).longValue()));
        return out;
    }

    /** The oldest payment still inside the window: the tier may drop when it leaves. */
    Optional<Instant> oldestSpendSince(String account, Instant since) {
        Object oldest = em.createNativeQuery(
                        "SELECT MIN(paid_at) FROM loyalty_spend WHERE account = ?1 AND paid_at >= ?2 AND amount > 0")
                .setParameter(1, account)
                .setParameter(2, Timestamp.from(since))
                .getSingleResult();
        return Optional.ofNullable(oldest).map(LoyaltyRepository::instant);
    }

    void setTier(String account, Tier tier, Optional<Instant> reviewAt) {
        em.createNativeQuery("UPDATE loyalty_account SET tier = ?1, tier_review_at = ?2 WHERE account = ?3")
                .setParameter(1, tier.name())
                .setParameter(2, reviewAt.map(Timestamp::from).orElse(null))
                .setParameter(3, account)
                .executeUpdate();
    }

    Tier tier(String account) {
        List<?> rows = em.createNativeQuery("SELECT tier FROM loyalty_account WHERE account = ?1")
                .setParameter(1, account)
                .getResultList();
        return rows.isEmpty() ? Tier.BRONZE : Tier.valueOf(((String) rows.get(0)).trim());
    }

    /** Accounts whose oldest counted spend has left the window, locked; another replica skips them. */
    @SuppressWarnings("unchecked")
    List<String> claimDueForTierReview(Instant now, int limit) {
        return em.createNativeQuery("SELECT account FROM loyalty_account WHERE tier_review_at <= ?1"
                        + " ORDER BY tier_review_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, limit)
                .getResultList();
    }

    /**
     * Points customers can spend now, summed over accounts with a positive balance (a negative balance
     * is not a claim on the shop and does not offset another customer's points).
     */
    long outstandingAvailable(Instant now) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(SUM(GREATEST(available, 0)), 0) FROM ("
                                + " SELECT SUM(points) FILTER (WHERE NOT (kind IN ('EARN', 'ADJUST') AND points > 0"
                                + " AND available_at > ?1)) AS available FROM loyalty_entry GROUP BY account) a")
                        .setParameter(1, Timestamp.from(now))
                        .getSingleResult())
                .longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    long accounts() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM loyalty_account")
                        .getSingleResult())
                .longValue();
    }
}
