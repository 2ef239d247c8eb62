package com.emporium.inventory;

import com.emporium.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds stock for a checkout. Lock order is the whole deadlock story: every transaction that changes
 * several stock rows changes them in SKU order and holds at most one row per SKU, so no two
 * transactions can wait for each other in a cycle.
 */
@ApplicationScoped
@Transactional
public class ReservationService {
    @PersistenceContext
    EntityManager em;

    @Inject
    StockLevels levels;

    @Inject
    @ConfigProperty(name = "emporium.inventory.hold-minutes", defaultValue = "15")
    long holdMinutes;

    @Inject
    @ConfigProperty(name = "emporium.inventory.max-hold-minutes", defaultValue = "60")
    long maxHoldMinutes;

    /**
     * Allocation: each SKU's whole quantity comes from the first location, by priority then id, that
     * can cover it alone; lines are never split across locations. Only sellable SKUs can be held (404
     * otherwise). Fails with 409 naming the first SKU no location can cover, and nothing stays held.
     *
     * <p>The order of work is the throughput of a hot SKU: everything that can be done without a stock
     * row lock (the checks, the plan, the reservation's rows, the answer) is done first, and the
     * conditional UPDATEs come last, so from a hot row's lock to the commit nothing else runs. A line
     * whose planned location was emptied in the meantime moves to the next location that can cover it.
     */
    public ReservationView reserve(String owner, ReservationRequest request) {
        Map<String, Integer> wanted = request.lines().stream()
                .collect(Collectors.toMap(
                        ReservationRequest.Line::sku, ReservationRequest.Line::quantity, Integer::sum, TreeMap::new));
        Map<String, List<StockLevels.Candidate>> candidates = new TreeMap<>();
        Map<Long, String> codes = new HashMap<>();
        List<ReservationLine> planned = new ArrayList<>();
        for (Map.Entry<String, Integer> line : wanted.entrySet()) {
            String sku = line.getKey();
            int quantity = line.getValue();
            // Draft, archived, hidden and unknown SKUs look alike, so unpublished ones stay unpublished.
            List<StockLevels.Candidate> locations = levels.candidates(sku, quantity)
                    .orElseThrow(() -> new NotFound("SKU '" + sku + "' is not for sale."));
            if (locations.isEmpty()) {
                throw new OutOfStock(sku, quantity);
            }
            locations.forEach(c -> codes.put(c.locationId(), c.code()));
            candidates.put(sku, locations);
            planned.add(new ReservationLine(sku, locations.get(0).locationId(), quantity));
        }
        Reservation reservation = new Reservation(owner, planned, Instant.now(), hold());
        em.persist(reservation);
        em.flush();
        ReservationView view = ReservationView.from(reservation, codes::get);
        for (ReservationLine line : reservation.linesInLockOrder()) {
            if (levels.hold(line.sku(), line.locationId(), line.quantity())) {
                continue;
            }
            long elsewhere = candidates.get(line.sku()).stream()
                    .skip(1)
                    .map(StockLevels.Candidate::locationId)
                    .filter(l -> levels.hold(line.sku(), l, line.quantity()))
                    .findFirst()
                    .orElseThrow(() -> new OutOfStock(line.sku(), line.quantity()));
            reservation.relocate(line.sku(), elsewhere);
            em.flush();
            view = ReservationView.from(reservation, codes::get);
        }
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReservationView get(String owner, long id) {
        return view(owned(owner, id, LockModeType.NONE));
    }

    public ReservationView extend(String owner, long id) {
        Reservation reservation = owned(owner, id, LockModeType.PESSIMISTIC_WRITE);
        reservation.extend(Instant.now(), hold(), Duration.ofMinutes(Math.max(maxHoldMinutes, holdMinutes)));
        return view(reservation);
    }

    /** Gives the units back; releasing an ended reservation again changes nothing. */
    public void release(String owner, long id) {
        Reservation reservation = owned(owner, id, LockModeType.PESSIMISTIC_WRITE);
        if (reservation.release(Instant.now())) {
            reservation.linesInLockOrder().forEach(l -> levels.giveBack(l.sku(), l.locationId(), l.quantity()));
        }
    }

    /**
     * Sells the held units of a checkout's hold exactly once: on hand and reserved go down, the ledger
     * gets a SALE movement per line, and the stock trigger feeds the live stream. Returns false when the
     * hold was already sold (a payment reported twice).
     */
    public boolean sell(long reservationId, String actor, String reason) {
        Reservation reservation = Optional.ofNullable(
                        em.find(Reservation.class, reservationId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFound("Reservation " + reservationId + " does not exist."));
        if (!reservation.sell(Instant.now())) {
            return false;
        }
        for (ReservationLine line : reservation.linesInLockOrder()) {
            int onHand = levels.sell(line.sku(), line.locationId(), line.quantity());
            em.persist(new StockMovement(
                    line.sku(), line.locationId(), StockMovement.Kind.SALE, -line.quantity(), onHand, reason, actor));
        }
        return true;
    }

    /**
     * Whether a checkout's hold can still be sold. The row is locked, so the expiry sweeper cannot end it
     * between this answer and the caller's {@link #sell}.
     */
    public boolean stillHeld(long reservationId) {
        Reservation reservation = em.find(Reservation.class, reservationId, LockModeType.PESSIMISTIC_WRITE);
        return reservation != null
                && (reservation.status() == Reservation.Status.HELD || reservation.status() == Reservation.Status.SOLD);
    }

    /** Ends a checkout's hold whoever asks (the order decides who may); a hold already ended stays as it is. */
    public void releaseHold(long reservationId) {
        Reservation reservation = em.find(Reservation.class, reservationId, LockModeType.PESSIMISTIC_WRITE);
        if (reservation != null && reservation.release(Instant.now())) {
            reservation.linesInLockOrder().forEach(l -> levels.giveBack(l.sku(), l.locationId(), l.quantity()));
        }
    }

    /**
     * Expires up to {@code limit} holds past their time and returns how many. SKIP LOCKED makes
     * concurrent sweepers (on any replica) claim disjoint holds, and a hold already ended by someone
     * else no longer matches the WHERE clause when its lock is taken: each hold is released exactly once.
     * Units are given back per stock row, summed and in lock order, whatever the order of the holds.
     */
    public int expireDue(int limit) {
        List<?> claimed = em.createNativeQuery(
                        "SELECT id FROM reservation WHERE status = 'HELD' AND expires_at <= now()"
                                + " ORDER BY expires_at LIMIT ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, limit)
                .getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        // One bound parameter for the whole batch (a text list PostgreSQL turns into an array): no SQL is
        // built from values, and the statement text stays the same for every batch size.
        String ids = claimed.stream()
                .map(id -> Long.toString(((Number) id).longValue()))
                .collect(Collectors.joining(","));
        List<?> rows = em.createNativeQuery("SELECT sku, location_id, sum(quantity) FROM reservation_line"
                        + " WHERE reservation_id = ANY (string_to_array(?1, ',')::bigint[])"
                        + " GROUP BY sku, location_id ORDER BY sku, location_id")
                .setParameter(1, ids)
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            levels.giveBack((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).intValue());
        }
        em.createNativeQuery("UPDATE reservation SET status = 'EXPIRED', ended_at = now(), version = version + 1"
                        + " WHERE id = ANY (string_to_array(?1, ',')::bigint[])")
                .setParameter(1, ids)
                .executeUpdate();
        return claimed.size();
    }

    /** Someone else's reservation and a missing one look the same: 404. */
    private Reservation owned(String owner, long id, LockModeType lock) {
        return Optional.ofNullable(em.find(Reservation.class, id, lock))
                .filter(r -> r.ownedBy(owner))
                .orElseThrow(() -> new NotFound("Reservation " + id + " does not exist."));
    }

    private Duration hold() {
        return Duration.ofMinutes(holdMinutes);
    }

    private ReservationView view(Reservation reservation) {
        return ReservationView.from(
                reservation, id -> em.find(StockLocation.class, id).code());
    }
}
