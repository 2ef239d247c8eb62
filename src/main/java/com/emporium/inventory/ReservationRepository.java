package com.emporium.inventory;

import com.emporium.platform.Sku;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every query about reservations (stock holds) and their lines. */
@ApplicationScoped
class ReservationRepository {
    @PersistenceContext
    EntityManager em;

    /** Units of one stock row that a batch of expired holds had held. */
    record Held(Sku sku, long locationId, int quantity) {}

    /** What one bulk expiry did: how many holds it ended and the units they held, in lock order. */
    record Expired(int holds, List<Held> units) {}

    void add(Reservation reservation) {
        em.persist(reservation);
        em.flush();
    }

    void flush() {
        em.flush();
    }

    Optional<Reservation> find(long id, LockModeType lock) {
        return Optional.ofNullable(em.find(Reservation.class, id, lock));
    }

    /** The row lock keeps the sweeper, a payment and the owner from ending one hold at the same time. */
    Optional<Reservation> lock(long id) {
        return find(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Ends up to {@code limit} holds past their time in one statement, with the rule of
     * {@link Reservation#expire}: only a HELD reservation whose expiry has come. SKIP LOCKED makes
     * concurrent sweepers (on any replica) claim disjoint holds, and a hold another transaction is ending
     * right now is skipped; by the time its lock is free it no longer matches. The claimed ids never
     * leave the database, so no SQL is built from values. Returns the held units summed per stock row,
     * in the order every writer locks stock rows (SKU, then location); the caller gives them back.
     */
    Expired expireDue(int limit) {
        List<?> rows = em.createNativeQuery("WITH due AS (SELECT id FROM reservation"
                        + " WHERE status = 'HELD' AND expires_at <= now()"
                        + " ORDER BY expires_at LIMIT ?1 FOR UPDATE SKIP LOCKED),"
                        + " expired AS (UPDATE reservation r SET status = 'EXPIRED', ended_at = now(),"
                        + " version = r.version + 1 FROM due WHERE r.id = due.id RETURNING r.id),"
                        + " held AS (SELECT l.sku, l.location_id, sum(l.quantity) AS quantity"
                        + " FROM reservation_line l JOIN expired e ON e.id = l.reservation_id"
                        + " GROUP BY l.sku, l.location_id)"
                        + " SELECT (SELECT count(*) FROM expired), h.sku, h.location_id, h.quantity"
                        + " FROM (SELECT 1) one LEFT JOIN held h ON true ORDER BY h.sku, h.location_id")
                .setParameter(1, limit)
                .getResultList();
        int holds = 0;
        List<Held> units = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            holds = ((Number) r[0]).intValue();
            if (r[1] != null) {
                units.add(new Held(new Sku((String) r[1]), ((Number) r[2]).longValue(), ((Number) r[3]).intValue()));
            }
        }
        return new Expired(holds, List.copyOf(units));
    }
}
