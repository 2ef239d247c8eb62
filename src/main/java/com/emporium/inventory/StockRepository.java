package com.emporium.inventory;

import com.emporium.platform.Sku;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Every query about stock: the counters per SKU and location, the locations, and the movement ledger.
 * The counters are native SQL on purpose: every change is one conditional UPDATE (or upsert) whose
 * WHERE clause states the invariant, so PostgreSQL decides under the row lock and no Java code ever
 * writes a value it read earlier. The CHECK constraints of V2 back every statement up.
 */
@ApplicationScoped
class StockRepository {
    @PersistenceContext
    EntityManager em;

    void add(StockLocation location) {
        em.persist(location);
    }

    void record(StockMovement movement) {
        em.persist(movement);
    }

    Optional<StockLocation> location(long id) {
        return Optional.ofNullable(em.find(StockLocation.class, id));
    }

    Optional<StockLocation> location(String code) {
        return em.createQuery("SELECT l FROM StockLocation l WHERE l.code = :code", StockLocation.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    /** In allocation order. */
    List<StockLocation> locations() {
        return em.createQuery("SELECT l FROM StockLocation l ORDER BY l.priority, l.id", StockLocation.class)
                .getResultList();
    }

    /** The SKU's latest movements, newest first. */
    List<StockMovement> movements(Sku sku, int limit) {
        return em.createQuery(
                        "SELECT m FROM StockMovement m WHERE m.sku = :sku ORDER BY m.id DESC", StockMovement.class)
                .setParameter("sku", sku.value())
                .setMaxResults(limit)
                .getResultList();
    }

    record Level(long locationId, String location, int onHand, int reserved) {}

    boolean skuExists(Sku sku) {
        return !em.createNativeQuery("SELECT 1 FROM variant WHERE sku = ?1")
                .setParameter(1, sku.value())
                .getResultList()
                .isEmpty();
    }

    int receive(Sku sku, long locationId, int quantity) {
        Object onHand = em.createNativeQuery("INSERT INTO stock (sku, location_id, on_hand) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (sku, location_id) DO UPDATE"
                        + " SET on_hand = stock.on_hand + EXCLUDED.on_hand, updated_at = now() RETURNING on_hand")
                .setParameter(1, sku.value())
                .setParameter(2, locationId)
                .setParameter(3, quantity)
                .getSingleResult();
        return ((Number) onHand).intValue();
    }

    /**
     * Units on hand summed over every location, with each of the SKU's rows locked in location order. Staff
     * changes that add units take these locks first, so the total they check cannot grow behind their back;
     * a reservation locks one row per SKU in SKU order, so the orders never cross. Two changes can only run
     * side by side when the SKU has no row yet; each adds at most 1,000,000 units, so together they stay
     * far below the limit.
     */
    long lockOnHand(Sku sku) {
        return em
                .createNativeQuery("SELECT on_hand FROM stock WHERE sku = ?1 ORDER BY location_id FOR UPDATE")
                .setParameter(1, sku.value())
                .getResultList()
                .stream()
                .mapToLong(r -> ((Number) r).longValue())
                .sum();
    }

    /** Removes units unless that would leave fewer on hand than are reserved; empty when refused. */
    OptionalInt remove(Sku sku, long locationId, int quantity) {
        return single(em.createNativeQuery("UPDATE stock SET on_hand = on_hand - ?1, updated_at = now()"
                        + " WHERE sku = ?2 AND location_id = ?3 AND on_hand - ?4 >= reserved RETURNING on_hand")
                .setParameter(1, quantity)
                .setParameter(2, sku.value())
                .setParameter(3, locationId)
                .setParameter(4, quantity)
                .getResultList());
    }

    /** Locks the row (creating an empty one if needed) and returns units on hand before a count. */
    int lockForCount(Sku sku, long locationId) {
        OptionalInt current = lockedOnHand(sku, locationId);
        if (current.isPresent()) {
            return current.getAsInt();
        }
        em.createNativeQuery("INSERT INTO stock (sku, location_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, sku.value())
                .setParameter(2, locationId)
                .executeUpdate();
        return lockedOnHand(sku, locationId).orElseThrow();
    }

    /** Sets units on hand, unless fewer than reserved; empty when refused. */
    OptionalInt set(Sku sku, long locationId, int onHand) {
        return single(em.createNativeQuery("UPDATE stock SET on_hand = ?1, updated_at = now()"
                        + " WHERE sku = ?2 AND location_id = ?3 AND ?4 >= reserved RETURNING on_hand")
                .setParameter(1, onHand)
                .setParameter(2, sku.value())
                .setParameter(3, locationId)
                .setParameter(4, onHand)
                .getResultList());
    }

    /** A location that looked able to cover a line a moment ago. */
    record Candidate(long locationId, String code) {}

    /**
     * Locations that looked able to cover the quantity a moment ago, in allocation order, or empty when
     * the catalog does not sell the SKU now (V4's {@code sellable_sku}: the public detail's rule). Only
     * a hint: {@link #hold} decides under the row lock. Skipping empty rows here lets losers of a hot
     * SKU answer 409 without queueing for its row lock. One statement answers both questions, because
     * this is the hot path of every reservation.
     */
    Optional<List<Candidate>> candidates(Sku sku, int quantity) {
        List<?> rows = em.createNativeQuery("SELECT l.id, l.code FROM sellable_sku ss"
                        + " LEFT JOIN stock s ON s.sku = ss.sku AND s.on_hand - s.reserved >= ?2"
                        + " LEFT JOIN stock_location l ON l.id = s.location_id"
                        + " WHERE ss.sku = ?1 ORDER BY l.priority, l.id")
                .setParameter(1, sku.value())
                .setParameter(2, quantity)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream()
                .map(r -> (Object[]) r)
                .filter(r -> r[0] != null)
                .map(r -> new Candidate(((Number) r[0]).longValue(), (String) r[1]))
                .toList());
    }

    /** Reserves units at one location if they are available right now; the one decrement that matters. */
    boolean hold(Sku sku, long locationId, int quantity) {
        return em.createNativeQuery("UPDATE stock SET reserved = reserved + ?1, updated_at = now()"
                                + " WHERE sku = ?2 AND location_id = ?3 AND on_hand - reserved >= ?4")
                        .setParameter(1, quantity)
                        .setParameter(2, sku.value())
                        .setParameter(3, locationId)
                        .setParameter(4, quantity)
                        .executeUpdate()
                == 1;
    }

    /** Takes held units off the shelf: on hand and reserved go down together; returns units left on hand. */
    int sell(Sku sku, long locationId, int quantity) {
        Object onHand = em.createNativeQuery("UPDATE stock SET on_hand = on_hand - ?1, reserved = reserved - ?2,"
                        + " updated_at = now() WHERE sku = ?3 AND location_id = ?4 RETURNING on_hand")
                .setParameter(1, quantity)
                .setParameter(2, quantity)
                .setParameter(3, sku.value())
                .setParameter(4, locationId)
                .getSingleResult();
        return ((Number) onHand).intValue();
    }

    /** Returns held units. The CHECK constraint turns a double release into an error, never into phantom stock. */
    void giveBack(Sku sku, long locationId, int quantity) {
        int updated = em.createNativeQuery(
                        "UPDATE stock SET reserved = reserved - ?1, updated_at = now() WHERE sku = ?2 AND location_id = ?3")
                .setParameter(1, quantity)
                .setParameter(2, sku.value())
                .setParameter(3, locationId)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("No stock row for " + sku + " at location " + locationId);
        }
    }

    List<Level> levels(Sku sku) {
        List<?> rows = em.createNativeQuery("SELECT s.location_id, l.code, s.on_hand, s.reserved FROM stock s"
                        + " JOIN stock_location l ON l.id = s.location_id WHERE s.sku = ?1 ORDER BY l.priority, l.id")
                .setParameter(1, sku.value())
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Level(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        ((Number) r[2]).intValue(),
                        ((Number) r[3]).intValue()))
                .toList();
    }

    Map<String, Long> availableBySku(Collection<String> skus) {
        Map<String, Long> available = new HashMap<>();
        if (skus.isEmpty()) {
            return available;
        }
        List<String> distinct = skus.stream().distinct().toList();
        String params = java.util.stream.IntStream.rangeClosed(1, distinct.size())
                .mapToObj(i -> "?" + i)
                .collect(Collectors.joining(","));
        var query = em.createNativeQuery(
                "SELECT sku, sum(on_hand - reserved) FROM stock WHERE sku IN (" + params + ") GROUP BY sku");
        for (int i = 0; i < distinct.size(); i++) {
            query.setParameter(i + 1, distinct.get(i));
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            available.put((String) r[0], ((Number) r[1]).longValue());
        }
        return available;
    }

    private OptionalInt lockedOnHand(Sku sku, long locationId) {
        return single(em.createNativeQuery("SELECT on_hand FROM stock WHERE sku = ?1 AND location_id = ?2 FOR UPDATE")
                .setParameter(1, sku.value())
                .setParameter(2, locationId)
                .getResultList());
    }

    private static OptionalInt single(List<?> rows) {
        return rows.isEmpty() ? OptionalInt.empty() : OptionalInt.of(((Number) rows.get(0)).intValue());
    }
}
