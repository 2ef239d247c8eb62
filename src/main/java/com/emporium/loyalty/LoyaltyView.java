package com.emporium.loyalty;

import java.time.Instant;
import java.util.List;

/**
 * An account's points as its customer and staff see them: {@code available} can be spent now (it
 * may be negative after a refund reversed points already spent), {@code pending} waits for the
 * return window, {@code held} is reserved by unpaid orders and already left out of {@code available}; {@code tier}
 * is bronze, silver or gold (docs/loyalty.md).
 */
public record LoyaltyView(
        String account, long available, long pending, long held, String tier, Expiry nextExpiry, List<Entry> entries) {

    public record Expiry(long points, Instant at) {}

    public record Entry(
            long id,
            String kind,
            long points,
            Long orderId,
            String reason,
            Instant at,
            Instant availableAt,
            Instant expiresAt) {
        static Entry from(LoyaltyEntry e) {
            return new Entry(
                    e.id(),
                    e.kind().name(),
                    e.points(),
                    e.orderId().orElse(null),
                    e.reason(),
                    e.createdAt(),
                    e.availableAt(),
                    e.expiresAt().orElse(null));
        }
    }

    static LoyaltyView of(String account, Ledger ledger, Tier tier, List<LoyaltyEntry> recent) {
        return new LoyaltyView(
                account,
                ledger.available(),
                ledger.pending(),
                ledger.held(),
                tier.label(),
                ledger.nextExpiry()
                        .map(l -> new Expiry(l.left(), l.expiresAt()))
                        .orElse(null),
                recent.stream().map(Entry::from).toList());
    }
}
