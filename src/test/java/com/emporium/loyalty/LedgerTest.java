package com.emporium.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private long nextId = 1;
    private final List<LoyaltyEntry> entries = new ArrayList<>();

    private LoyaltyEntry add(LoyaltyEntry entry) {
        try {
            Field id = LoyaltyEntry.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(entry, nextId++);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        entries.add(entry);
        return entry;
    }

    private static Instant days(long n) {
        return NOW.plus(n, ChronoUnit.DAYS);
    }

    @Test
    void pendingPointsAreCountedButNotAvailable() {
        add(LoyaltyEntry.adjust("a", 100, "grant", "staff", days(-30), days(300)));
        add(LoyaltyEntry.earn("a", 7, 40, days(3), days(368), days(-11)));

        Ledger ledger = Ledger.of(entries, NOW);

        assertThat(ledger.total()).isEqualTo(140);
        assertThat(ledger.pending()).isEqualTo(40);
        assertThat(ledger.available()).isEqualTo(100);
    }

    @Test
    void aHoldIsLeftOutOfTheAvailableBalanceUntilReleased() {
        add(LoyaltyEntry.adjust("a", 100, "grant", "staff", days(-30), days(300)));
        LoyaltyEntry hold = add(LoyaltyEntry.hold("a", 9, 70, days(-1)));
        assertThat(Ledger.of(entries, NOW).available()).isEqualTo(30);
        assertThat(Ledger.of(entries, NOW).held()).isEqualTo(70);

        add(LoyaltyEntry.release(hold, "cancelled", NOW));

        assertThat(Ledger.of(entries, NOW).available()).isEqualTo(100);
        assertThat(Ledger.of(entries, NOW).held()).isZero();
    }

    @Test
    void spendingConsumesTheOldestLotFirstAndOnlyItsRemainderExpires() {
        add(LoyaltyEntry.adjust("a", 300, "old", "staff", days(-400), days(-1)));
        add(LoyaltyEntry.adjust("a", 400, "new", "staff", days(-10), days(355)));
        add(LoyaltyEntry.adjust("a", -200, "spent", "staff", days(-5), null));

        Ledger ledger = Ledger.of(entries, NOW);

        assertThat(ledger.dueToExpire(NOW)).singleElement().satisfies(l -> {
            assertThat(l.left()).isEqualTo(100);
            assertThat(l.entryId()).isEqualTo(1);
        });
        add(LoyaltyEntry.expire(entries.get(0), 100, NOW));
        Ledger after = Ledger.of(entries, NOW);
        assertThat(after.dueToExpire(NOW)).isEmpty();
        assertThat(after.available()).isEqualTo(400);
        assertThat(after.nextExpiry())
                .hasValueSatisfying(l -> assertThat(l.left()).isEqualTo(400));
    }

    @Test
    void aReversalOfSpentPointsLeavesANegativeBalanceThatBlocksNothingElse() {
        add(LoyaltyEntry.earn("a", 1, 50, days(-20), days(345), days(-34)));
        LoyaltyEntry hold = add(LoyaltyEntry.hold("a", 2, 50, days(-2)));
        add(LoyaltyEntry.confirm(hold, days(-2)));
        add(LoyaltyEntry.reversal("a", 1, 50, "refund", "staff", days(-1)));

        Ledger ledger = Ledger.of(entries, NOW);

        assertThat(ledger.available()).isEqualTo(-50);
        assertThat(ledger.dueToExpire(days(400))).isEmpty();
    }
}
