package com.emporium.inventory;

import com.emporium.platform.Sku;
import com.emporium.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    @Inject
    ReservationRepository reservations;

    @Inject
    StockRepository stock;

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
        Map<Sku, Integer> wanted = request.lines().stream()
                .collect(Collectors.toMap(
                        ReservationService::skuOf, ReservationRequest.Line::quantity, Integer::sum, TreeMap::new));
        Map<Sku, List<StockRepository.Candidate>> candidates = new TreeMap<>();
        Map<Long, String> codes = new HashMap<>();
        List<ReservationLine> planned = new ArrayList<>();
        for (Map.Entry<Sku, Integer> line : wanted.entrySet()) {
            Sku sku = line.getKey();
            int quantity = line.getValue();
            // Draft, archived, hidden and unknown SKUs look alike, so unpublished ones stay unpublished.
            List<StockRepository.Candidate> locations = stock.candidates(sku, quantity)
                    .orElseThrow(() -> new NotFound("SKU '" + sku + "' is not for sale."));
            if (locations.isEmpty()) {
                throw new OutOfStock(sku, quantity);
            }
            locations.forEach(c -> codes.put(c.locationId(), c.code()));
            candidates.put(sku, locations);
            planned.add(new ReservationLine(sku, locations.get(0).locationId(), quantity));
        }
        Reservation reservation = new Reservation(owner, planned, Instant.now(), hold());
        reservations.add(reservation);
        ReservationView view = ReservationView.from(reservation, codes::get);
        for (ReservationLine line : reservation.linesInLockOrder()) {
            if (stock.hold(line.sku(), line.locationId(), line.quantity())) {
                continue;
            }
            long elsewhere = candidates.get(line.sku()).stream()
                    .skip(1)
                    .map(StockRepository.Candidate::locationId)
                    .filter(l -> stock.hold(line.sku(), l, line.quantity()))
                    .findFirst()
                    .orElseThrow(() -> new OutOfStock(line.sku(), line.quantity()));
            reservation.relocate(line.sku(), elsewhere);
            reservations.flush();
            view = ReservationView.from(reservation, codes::get);
        }
        return view;
    }

    /** Text that cannot be a SKU names nothing for sale, exactly like an unknown SKU. */
    private static Sku skuOf(ReservationRequest.Line line) {
        return Sku.parse(line.sku()).orElseThrow(() -> new NotFound("SKU '" + line.sku() + "' is not for sale."));
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
        giveBackOnRelease(owned(owner, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private void giveBackOnRelease(Reservation reservation) {
        if (reservation.release(Instant.now())) {
            reservation.linesInLockOrder().forEach(l -> stock.giveBack(l.sku(), l.locationId(), l.quantity()));
        }
    }

    /**
     * Sells the held units of a checkout's hold exactly once: on hand and reserved go down, the ledger
     * gets a SALE movement per line, and the stock trigger feeds the live stream. Returns false when the
     * hold was already sold (a payment reported twice).
     */
    public boolean sell(long reservationId, String actor, String reason) {
        Reservation reservation = reservations
                .lock(reservationId)
                .orElseThrow(() -> new NotFound("Reservation " + reservationId + " does not exist."));
        if (!reservation.sell(Instant.now())) {
            return false;
        }
        for (ReservationLine line : reservation.linesInLockOrder()) {
            int onHand = stock.sell(line.sku(), line.locationId(), line.quantity());
            stock.record(new StockMovement(
                    line.sku(), line.locationId(), StockMovement.Kind.SALE, -line.quantity(), onHand, reason, actor));
        }
        return true;
    }

    /**
     * Whether a checkout's hold can still be sold. The row is locked, so the expiry sweeper cannot end it
     * between this answer and the caller's {@link #sell}.
     */
    public boolean stillHeld(long reservationId) {
        return reservations
                .lock(reservationId)
                .map(r -> r.status() == Reservation.Status.HELD || r.status() == Reservation.Status.SOLD)
                .orElse(false);
    }

    /** Ends a checkout's hold whoever asks (the order decides who may); a hold already ended stays as it is. */
    public void releaseHold(long reservationId) {
        reservations.lock(reservationId).ifPresent(this::giveBackOnRelease);
    }

    /**
     * Expires up to {@code limit} holds past their time and returns how many. Concurrent sweepers (on any
     * replica) claim disjoint holds, so each hold is released exactly once (see
     * {@link ReservationRepository#expireDue}). Units are given back per stock row, summed and in lock
     * order, whatever the order of the holds.
     */
    public int expireDue(int limit) {
        ReservationRepository.Expired expired = reservations.expireDue(limit);
        expired.units().forEach(u -> stock.giveBack(u.sku(), u.locationId(), u.quantity()));
        return expired.holds();
    }

    /** Someone else's reservation and a missing one look the same: 404. */
    private Reservation owned(String owner, long id, LockModeType lock) {
        return reservations
                .find(id, lock)
                .filter(r -> r.ownedBy(owner))
                .orElseThrow(() -> new NotFound("Reservation " + id + " does not exist."));
    }

    private Duration hold() {
        return Duration.ofMinutes(holdMinutes);
    }

    private ReservationView view(Reservation reservation) {
        return ReservationView.from(
                reservation, id -> stock.location(id).orElseThrow().code());
    }
}
