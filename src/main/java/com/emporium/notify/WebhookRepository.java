package com.emporium.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhook endpoints, their deliveries and the attempt log. */
@ApplicationScoped
class WebhookRepository {
    @PersistenceContext
    EntityManager em;

    /** A due delivery with what is needed to send it. */
    record Due(
            long id,
            long endpointId,
            long outboxId,
            String eventType,
            int attempts,
            Instant retryUntil,
            String payload,
            Instant eventCreatedAt) {}

    void add(WebhookEndpoint endpoint) {
        em.persist(endpoint);
        em.flush();
    }

    Optional<WebhookEndpoint> find(long id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id));
    }

    Optional<WebhookEndpoint> lock(long id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    List<WebhookEndpoint> all() {
        return em.createQuery("SELECT e FROM WebhookEndpoint e ORDER BY e.id", WebhookEndpoint.class)
                .getResultList();
    }

    void remove(WebhookEndpoint endpoint) {
        em.remove(endpoint);
    }

    /** One delivery per subscribed, enabled endpoint; a repeated fan-out of the same event adds nothing. */
    int enqueue(long outboxId, String type, long retryHours) {
        return em.createNativeQuery("INSERT INTO webhook_delivery (endpoint_id, outbox_id, event_type, retry_until)"
                        + " SELECT id, ?1, ?2, now() + make_interval(hours => ?3) FROM webhook_endpoint"
                        + " WHERE enabled AND ?2 = ANY (string_to_array(event_types, ','))"
                        + " ON CONFLICT (endpoint_id, outbox_id) DO NOTHING")
                .setParameter(1, outboxId)
                .setParameter(2, type)
                .setParameter(3, (int) retryHours)
                .executeUpdate();
    }

    /** The next due delivery of an enabled endpoint, locked; other replicas skip it. */
    Optional<Due> claimDue() {
        List<?> rows = em.createNativeQuery("SELECT d.id, d.endpoint_id, d.outbox_id, d.event_type, d.attempts,"
                        + " (extract(epoch FROM d.retry_until) * 1000)::bigint, o.payload,"
                        + " (extract(epoch FROM o.created_at) * 1000)::bigint"
                        + " FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id"
                        + " JOIN outbox o ON o.id = d.outbox_id"
                        + " WHERE d.state = 'PENDING' AND d.next_attempt_at <= now() AND e.enabled"
                        + " ORDER BY d.next_attempt_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED")
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .findFirst()
                .map(r -> new Due(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        (String) r[3],
                        ((Number) r[4]).intValue(),
                        Instant.ofEpochMilli(((Number) r[5]).longValue()),
                        (String) r[6],
                        Instant.ofEpochMilli(((Number) r[7]).longValue())));
    }

    void logAttempt(long deliveryId, Integer status, long durationMillis, String error) {
        em.createNativeQuery("INSERT INTO webhook_attempt (delivery_id, status, duration_ms, error)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, deliveryId)
                .setParameter(2, status)
                .setParameter(3, (int) Math.min(Integer.MAX_VALUE, durationMillis))
                .setParameter(4, truncate(error))
                .executeUpdate();
    }

    void delivered(long deliveryId, int status) {
        em.createNativeQuery("UPDATE webhook_delivery SET state = 'DELIVERED', attempts = attempts + 1,"
                        + " delivered_at = now(), last_status = ?2, last_error = NULL WHERE id = ?1")
                .setParameter(1, deliveryId)
                .setParameter(2, status)
                .executeUpdate();
    }

    void retryAt(long deliveryId, Instant next, Integer status, String error) {
        em.createNativeQuery("UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt_at = ?2,"
                        + " last_status = ?3, last_error = ?4 WHERE id = ?1")
                .setParameter(1, deliveryId)
                .setParameter(2, java.sql.Timestamp.from(next))
                .setParameter(3, status)
                .setParameter(4, truncate(error))
                .executeUpdate();
    }

    void failed(long deliveryId, Integer status, String error) {
        em.createNativeQuery("UPDATE webhook_delivery SET state = 'FAILED', attempts = attempts + 1,"
                        + " last_status = ?2, last_error = ?3 WHERE id = ?1")
                .setParameter(1, deliveryId)
                .setParameter(2, status)
                .setParameter(3, truncate(error))
                .executeUpdate();
    }

    /** Sends a delivery again from now on, with a fresh retry window; false when it is not this endpoint's. */
    boolean redeliver(long endpointId, long deliveryId, long retryHours) {
        return em.createNativeQuery("UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = now(),"
                                + " retry_until = now() + make_interval(hours => ?3), delivered_at = NULL"
                                + " WHERE id = ?1 AND endpoint_id = ?2")
                        .setParameter(1, deliveryId)
                        .setParameter(2, endpointId)
                        .setParameter(3, (int) retryHours)
                        .executeUpdate()
                == 1;
    }

    /** The newest deliveries of an endpoint with their attempts, newest first. */
    List<WebhookDeliveryView> deliveries(long endpointId, int limit) {
        List<?> rows = em.createNativeQuery("SELECT id, outbox_id, event_type, state, attempts,"
                        + " (extract(epoch FROM created_at) * 1000)::bigint,"
                        + " (extract(epoch FROM next_attempt_at) * 1000)::bigint,"
                        + " (extract(epoch FROM delivered_at) * 1000)::bigint"
                        + " FROM webhook_delivery WHERE endpoint_id = ?1 ORDER BY id DESC LIMIT ?2")
                .setParameter(1, endpointId)
                .setParameter(2, limit)
                .getResultList();
        Map<Long, Object[]> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(((Number) ((Object[]) r)[0]).longValue(), (Object[]) r));
        Map<Long, List<WebhookDeliveryView.Attempt>> attempts = new LinkedHashMap<>();
        if (!byId.isEmpty()) {
            List<?> logged = em.createNativeQuery(
                            "SELECT delivery_id, (extract(epoch FROM attempted_at) * 1000)::bigint,"
                                    + " status, duration_ms, error FROM webhook_attempt WHERE delivery_id IN"
                                    + " (SELECT id FROM webhook_delivery WHERE endpoint_id = ?1 ORDER BY id DESC LIMIT ?2)"
                                    + " ORDER BY id")
                    .setParameter(1, endpointId)
                    .setParameter(2, limit)
                    .getResultList();
            for (Object row : logged) {
                Object[] a = (Object[]) row;
                attempts.computeIfAbsent(((Number) a[0]).longValue(), k -> new ArrayList<>())
                        .add(new WebhookDeliveryView.Attempt(
                                Instant.ofEpochMilli(((Number) a[1]).longValue()),
                                a[2] == null ? null : ((Number) a[2]).intValue(),
                                ((Number) a[3]).intValue(),
                                (String) a[4]));
            }
        }
        List<WebhookDeliveryView> views = new ArrayList<>();
        for (Object[] r : byId.values()) {
            long id = ((Number) r[0]).longValue();
            views.add(new WebhookDeliveryView(
                    id,
                    WebhookDispatcher.messageId(((Number) r[1]).longValue()),
                    (String) r[2],
                    (String) r[3],
                    ((Number) r[4]).intValue(),
                    Instant.ofEpochMilli(((Number) r[5]).longValue()),
                    "PENDING".equals(r[3]) ? Instant.ofEpochMilli(((Number) r[6]).longValue()) : null,
                    r[7] == null ? null : Instant.ofEpochMilli(((Number) r[7]).longValue()),
                    attempts.getOrDefault(id, List.of())));
        }
        return views;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }
}
