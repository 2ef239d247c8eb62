package com.emporium.loyalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The balance of one account, derived from its whole ledger at one instant. Nothing here is stored:
 * the same entries always give the same figures, which is what the drift check relies on.
 *
 * <p>Spending consumes lots oldest first: the net of every spend, hold, release, reversal and
 * negative adjustment is taken from the lots in the order they became available, and what a lot
 * still holds when it expires is expired.
 */
public record Ledger(long total, long pending, long available, long held, List<Lot> lots) {

    /** A lot's points still left after the oldest-first allocation. */
    public record Lot(long entryId, long points, long left, Instant availableAt, Instant expiresAt) {}

    public static Ledger of(List<LoyaltyEntry> entries, Instant now) {
        long total = 0;
        long pending = 0;
        long consumption = 0;
        Map<Long, Long> expired = new HashMap<>();
        Map<Long, Long> holds = new HashMap<>();
        List<LoyaltyEntry> lots = new ArrayList<>();
        for (LoyaltyEntry e : entries) {
            total += e.points();
            if (e.lot()) {
                lots.add(e);
                if (e.availableAt().isAfter(now)) {
                    pending += e.points();
                }
            } else if (e.kind() == LoyaltyEntry.Kind.EXPIRE) {
                expired.merge(e.lotId().orElseThrow(), -e.points(), Long::sum);
            } else {
                consumption -= e.points();
            }
            if (e.kind() == LoyaltyEntry.Kind.REDEEM_HOLD) {
                holds.put(e.orderId().orElseThrow(), -e.points());
            } else if (e.kind() == LoyaltyEntry.Kind.REDEEM_RELEASE || e.kind() == LoyaltyEntry.Kind.REDEEM_CONFIRM) {
                holds.remove(e.orderId().orElseThrow());
            }
        }
        lots.sort(Comparator.comparing(LoyaltyEntry::availableAt).thenComparing(LoyaltyEntry::id));
        long toAllocate = Math.max(0, consumption);
        List<Lot> out = new ArrayList<>();
        for (LoyaltyEntry lot : lots) {
            long remaining = lot.points() - expired.getOrDefault(lot.id(), 0L);
            boolean spendable = !lot.availableAt().isAfter(now);
            long used = spendable ? Math.min(remaining, toAllocate) : 0;
            toAllocate -= used;
            out.add(new Lot(
                    lot.id(),
                    lot.points(),
                    remaining - used,
                    lot.availableAt(),
                    lot.expiresAt().orElseThrow()));
        }
        long held = holds.values().stream().mapToLong(Long::longValue).sum();
        return new Ledger(total, pending, total - pending, held, List.copyOf(out));
    }

    /** Lots whose expiry has passed with points left: each becomes an EXPIRE entry of what is left. */
    public List<Lot> dueToExpire(Instant now) {
        return lots.stream()
                .filter(l -> l.left() > 0 && !l.expiresAt().isAfter(now))
                .toList();
    }

    /** The next lot to expire with points left, for the customer's view and the sweeper's index. */
    public Optional<Lot> nextExpiry() {
        return lots.stream().filter(l -> l.left() > 0).min(Comparator.comparing(Lot::expiresAt));
    }
}
