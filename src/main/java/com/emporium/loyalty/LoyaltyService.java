package com.emporium.loyalty;

import com.emporium.flags.Flag;
import com.emporium.flags.RequestFlagContext;
import com.emporium.identity.AccountService;
import dev.openfeature.sdk.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Loyalty use cases. Every change to an account first locks its row, then reads its whole ledger,
 * decides, and appends: two checkouts spending the same points run one after the other, and the
 * second sees the first one's hold. The order calls join the order's transaction, so a hold, an
 * earning or a release commits or rolls back with the order change that caused it.
 */
@ApplicationScoped
@Transactional
public class LoyaltyService {
    static final String EARNED = "emporium.loyalty.points.earned";
    static final String REDEEMED = "emporium.loyalty.points.redeemed";
    static final String EXPIRED = "emporium.loyalty.points.expired";

    @Inject
    LoyaltyRepository ledgers;

    @Inject
    LoyaltyRules rules;

    @Inject
    AccountService accounts;

    @Inject
    Client flags;

    @Inject
    RequestFlagContext flagContext;

    @Inject
    MetricRegistry metrics;

    /** Points asked for at checkout and what they pay, in minor units of the order's currency. */
    public record Redemption(long points, long value) {
        public static final Redemption NONE = new Redemption(0, 0);
    }

    /** Staff's view of the drift check: how many accounts were compared, and which differ. */
    public record DriftReport(long accountsChecked, List<Drift> drifted) {
        public record Drift(String account, long cached, long ledger) {}
    }

    /**
     * Checks a redemption against the rules (who, which currency, what share of the order) and
     * prices it. The balance is checked by {@link #hold}, under the account's lock.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Redemption price(Optional<String> account, String currency, long points, long orderTotal) {
        if (points == 0) {
            return Redemption.NONE;
        }
        Flag flag = Flag.LOYALTY_REDEMPTION;
        if (!flags.getBooleanValue(flag.key(), flag.fallback(), flagContext.current())) {
            throw new LoyaltyProblems.RedemptionDisabled();
        }
        if (account.isEmpty()) {
            throw new LoyaltyProblems.PointsNotAccepted("Sign in to redeem loyalty points.");
        }
        long pointValue = rules.pointValue(currency)
                .orElseThrow(() -> new LoyaltyProblems.PointsNotAccepted(
                        "Loyalty points cannot pay for orders in " + currency + "."));
        long allowed = rules.maxRedeemableValue(orderTotal) / pointValue;
        if (points > allowed) {
            throw new LoyaltyProblems.PointsOverLimit(points, allowed);
        }
        return new Redemption(points, Math.multiplyExact(points, pointValue));
    }

    /** Reserves the points for an order; refused when the account's available balance is short. */
    public void hold(String account, long orderId, long points) {
        if (points == 0) {
            return;
        }
        ledgers.lock(account);
        Instant now = Instant.now();
        List<LoyaltyEntry> entries = ledgers.entries(account);
        Ledger ledger = Ledger.of(entries, now);
        if (ledger.available() < points) {
            throw new LoyaltyProblems.InsufficientPoints(points, ledger.available());
        }
        append(entries, LoyaltyEntry.hold(account, orderId, points, now), now);
    }

    /** The order is paid: its held points are spent for good. Repeating it changes nothing. */
    public void confirm(long orderId) {
        ledgers.ofOrder(orderId, LoyaltyEntry.Kind.REDEEM_HOLD).ifPresent(hold -> {
            ledgers.lock(hold.account());
            if (settled(orderId)) {
                return;
            }
            Instant now = Instant.now();
            append(ledgers.entries(hold.account()), LoyaltyEntry.confirm(hold, now), now);
            metrics.counter(REDEEMED).inc(-hold.points());
        });
    }

    /** The order will not be paid: its held points come back. Repeating it changes nothing. */
    public void release(long orderId, String reason) {
        ledgers.ofOrder(orderId, LoyaltyEntry.Kind.REDEEM_HOLD).ifPresent(hold -> {
            ledgers.lock(hold.account());
            if (settled(orderId)) {
                return;
            }
            Instant now = Instant.now();
            append(ledgers.entries(hold.account()), LoyaltyEntry.release(hold, reason, now), now);
        });
    }

    /**
     * A paid order earns points on what was paid for goods: {@code netPaid} is after discounts and
     * redeemed points, without tax and shipping. They are pending until the return window ends.
     * Repeating it for the same order changes nothing.
     */
    public void earn(long orderId, Optional<String> account, String currency, long netPaid, Instant paidAt) {
        Flag flag = Flag.LOYALTY_EARNING;
        if (account.isEmpty() || netPaid <= 0 || !flags.getBooleanValue(flag.key(), flag.fallback())) {
            return;
        }
        Optional<Long> rate = rules.earnRate(currency);
        if (rate.isEmpty()) {
            return;
        }
        long points = Math.multiplyExact(netPaid, rate.get()) / 100;
        if (points <= 0) {
            return;
        }
        ledgers.lock(account.get());
        if (ledgers.ofOrder(orderId, LoyaltyEntry.Kind.EARN).isPresent()) {
            return;
        }
        Instant availableAt = rules.availableFrom(paidAt);
        Instant now = Instant.now();
        append(
                ledgers.entries(account.get()),
                LoyaltyEntry.earn(account.get(), orderId, points, availableAt, rules.expiryOf(availableAt), now),
                now);
        metrics.counter(EARNED).inc(points);
    }

    /**
     * A refund takes back the points earned on the refunded part, at the rate they were earned, never
     * more than the order earned. If they were spent already the balance goes negative, and nothing
     * can be redeemed until later earnings bring it back above zero. Returns the points taken back.
     */
    public long reverse(long orderId, String currency, long refundedNet, String actor) {
        Optional<LoyaltyEntry> earned = ledgers.ofOrder(orderId, LoyaltyEntry.Kind.EARN);
        Optional<Long> rate = rules.earnRate(currency);
        if (earned.isEmpty() || rate.isEmpty() || refundedNet <= 0) {
            return 0;
        }
        String account = earned.get().account();
        ledgers.lock(account);
        long left = earned.get().points() - ledgers.reversed(orderId);
        long points = Math.min(left, Math.multiplyExact(refundedNet, rate.get()) / 100);
        if (points <= 0) {
            return 0;
        }
        Instant now = Instant.now();
        append(
                ledgers.entries(account),
                LoyaltyEntry.reversal(account, orderId, points, "refund on order " + orderId, actor, now),
                now);
        return points;
    }

    /** Staff's correction for a customer account, which must exist (404 otherwise). */
    public LoyaltyView adjust(long accountId, Adjustment adjustment, String actor) {
        accounts.get(accountId);
        String account = Long.toString(accountId);
        ledgers.lock(account);
        Instant now = Instant.now();
        append(
                ledgers.entries(account),
                LoyaltyEntry.adjust(account, adjustment.points(), adjustment.reason(), actor, now, rules.expiryOf(now)),
                now);
        return view(account);
    }

    /** Staff's view of a customer account, which must exist (404 otherwise). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LoyaltyView viewOfAccount(long accountId) {
        accounts.get(accountId);
        return view(Long.toString(accountId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LoyaltyView view(String account) {
        Ledger ledger = Ledger.of(ledgers.entries(account), Instant.now());
        return LoyaltyView.of(account, ledger, ledgers.recent(account, 50));
    }

    /** Expires what is left of lots past their expiry, for up to {@code limit} accounts; returns how many. */
    public int expireDue(int limit) {
        Instant now = Instant.now();
        List<String> due = ledgers.claimDueForExpiry(now, limit);
        for (String account : due) {
            List<LoyaltyEntry> entries = new ArrayList<>(ledgers.entries(account));
            for (Ledger.Lot lot : Ledger.of(entries, now).dueToExpire(now)) {
                LoyaltyEntry source = entries.stream()
                        .filter(e -> e.id() == lot.entryId())
                        .findFirst()
                        .orElseThrow();
                append(entries, LoyaltyEntry.expire(source, lot.left(), now), now);
                entries = new ArrayList<>(ledgers.entries(account));
                metrics.counter(EXPIRED).inc(lot.left());
            }
            ledgers.setNextExpiry(account, Ledger.of(entries, now).nextExpiry().map(Ledger.Lot::expiresAt));
        }
        return due.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DriftReport drift() {
        return new DriftReport(
                ledgers.accounts(),
                ledgers.drifted().stream()
                        .map(c -> new DriftReport.Drift(c.account(), c.cached(), c.ledger()))
                        .toList());
    }

    private boolean settled(long orderId) {
        return ledgers.ofOrder(orderId, LoyaltyEntry.Kind.REDEEM_CONFIRM).isPresent()
                || ledgers.ofOrder(orderId, LoyaltyEntry.Kind.REDEEM_RELEASE).isPresent();
    }

    private void append(List<LoyaltyEntry> before, LoyaltyEntry entry, Instant now) {
        List<LoyaltyEntry> after = new ArrayList<>(before);
        ledgers.append(entry);
        after.add(entry);
        ledgers.setNextExpiry(
                entry.account(), Ledger.of(after, now).nextExpiry().map(Ledger.Lot::expiresAt));
    }
}
