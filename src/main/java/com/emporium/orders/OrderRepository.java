package com.emporium.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every query about orders, their history, outbox rows and idempotency keys. */
@ApplicationScoped
class OrderRepository {
    @PersistenceContext
    EntityManager em;

    record StoredAnswer(String requestHash, Integer status, String body) {}

    /** Filters of the staff list; empty ones do not restrict. */
    record Filter(
            Optional<OrderState> state,
            Optional<String> email,
            Optional<Instant> from,
            Optional<Instant> to,
            Optional<Long> minTotal,
            Optional<Long> maxTotal) {}

    void add(CustomerOrder order) {
        em.persist(order);
        em.flush();
    }

    void record(OrderTransition transition) {
        em.persist(transition);
    }

    void flush() {
        em.flush();
    }

    Optional<CustomerOrder> find(long id) {
        return Optional.ofNullable(em.find(CustomerOrder.class, id));
    }

    Optional<CustomerOrder> lock(long id) {
        return Optional.ofNullable(em.find(CustomerOrder.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    List<OrderTransition> history(long orderId) {
        return em.createQuery(
                        "SELECT t FROM OrderTransition t WHERE t.orderId = :id ORDER BY t.id", OrderTransition.class)
                .setParameter("id", orderId)
                .getResultList();
    }

    void addNote(long orderId, String author, String text) {
        em.createNativeQuery("INSERT INTO order_note (order_id, author, text) VALUES (?1, ?2, ?3)")
                .setParameter(1, orderId)
                .setParameter(2, author)
                .setParameter(3, text)
                .executeUpdate();
    }

    List<OrderNote.View> notes(long orderId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT id, author, text, created_at FROM order_note WHERE order_id = ?1 ORDER BY id")
                .setParameter(1, orderId)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(r ->
                        new OrderNote.View(((Number) r[0]).longValue(), (String) r[1], (String) r[2], instantOf(r[3])))
                .toList();
    }

    private static Instant instantOf(Object value) {
        return value instanceof java.sql.Timestamp t
                ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    /** Appends an event to the outbox; it commits or rolls back with the change it announces. */
    void announce(long orderId, String type, String payload) {
        em.createNativeQuery("INSERT INTO outbox (aggregate_id, type, payload) VALUES (?1, ?2, ?3)")
                .setParameter(1, orderId)
                .setParameter(2, type)
                .setParameter(3, payload)
                .executeUpdate();
    }

    /**
     * Claims a key for this transaction. A concurrent request with the same key blocks on the primary
     * key until this one commits or rolls back, then finds the stored answer (or claims the key itself):
     * ten simultaneous retries place one order.
     */
    boolean claimKey(String scope, String key, String requestHash) {
        return em.createNativeQuery("INSERT INTO idempotency_key (scope, key, request_hash) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT DO NOTHING")
                        .setParameter(1, scope)
                        .setParameter(2, key)
                        .setParameter(3, requestHash)
                        .executeUpdate()
                == 1;
    }

    Optional<StoredAnswer> storedAnswer(String scope, String key) {
        List<?> rows = em.createNativeQuery(
                        "SELECT request_hash, status, body FROM idempotency_key WHERE scope = ?1 AND key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .findFirst()
                .map(r -> new StoredAnswer(
                        (String) r[0], r[1] == null ? null : ((Number) r[1]).intValue(), (String) r[2]));
    }

    void storeAnswer(String scope, String key, int status, String body) {
        em.createNativeQuery("UPDATE idempotency_key SET status = ?1, body = ?2 WHERE scope = ?3 AND key = ?4")
                .setParameter(1, status)
                .setParameter(2, body)
                .setParameter(3, scope)
                .setParameter(4, key)
                .executeUpdate();
    }

    int forgetKeysOlderThan(long seconds) {
        return em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, seconds)
                .executeUpdate();
    }

    /** Newest first; {@code before} is the last id of the previous page. */
    List<CustomerOrder> ofOwner(String owner, Optional<Long> before, int limit) {
        TypedQuery<CustomerOrder> query = em.createQuery(
                        "SELECT o FROM CustomerOrder o WHERE o.owner = :owner AND o.id < :before ORDER BY o.id DESC",
                        CustomerOrder.class)
                .setParameter("owner", owner)
                .setParameter("before", before.orElse(Long.MAX_VALUE));
        return query.setMaxResults(limit).getResultList();
    }

    List<CustomerOrder> search(Filter filter, Optional<Long> before, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT o FROM CustomerOrder o WHERE o.id < :before");
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[] {"before", before.orElse(Long.MAX_VALUE)});
        filter.state().ifPresent(s -> {
            jpql.append(" AND o.state = :state");
            params.add(new Object[] {"state", s});
        });
        filter.email().ifPresent(e -> {
            jpql.append(" AND LOWER(o.email) = :email");
            params.add(new Object[] {"email", e.toLowerCase(java.util.Locale.ROOT)});
        });
        filter.from().ifPresent(f -> {
            jpql.append(" AND o.placedAt >= :from");
            params.add(new Object[] {"from", f});
        });
        filter.to().ifPresent(t -> {
            jpql.append(" AND o.placedAt < :to");
            params.add(new Object[] {"to", t});
        });
        filter.minTotal().ifPresent(m -> {
            jpql.append(" AND o.total >= :minTotal");
            params.add(new Object[] {"minTotal", m});
        });
        filter.maxTotal().ifPresent(m -> {
            jpql.append(" AND o.total <= :maxTotal");
            params.add(new Object[] {"maxTotal", m});
        });
        jpql.append(" ORDER BY o.id DESC");
        TypedQuery<CustomerOrder> query = em.createQuery(jpql.toString(), CustomerOrder.class);
        params.forEach(p -> query.setParameter((String) p[0], p[1]));
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * Claims up to {@code limit} unpaid orders past their pay-by time. SKIP LOCKED keeps sweepers on
     * different replicas (and a payment in progress, which holds the row lock) out of each other's way.
     */
    List<Long> claimUnpaidDue(int limit) {
        List<?> ids = em.createNativeQuery("SELECT id FROM customer_order WHERE state = 'PENDING_PAYMENT'"
                        + " AND pay_by <= now() ORDER BY pay_by LIMIT ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, limit)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }
}
