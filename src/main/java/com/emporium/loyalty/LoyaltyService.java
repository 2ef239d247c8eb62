package com.emporium.loyalty;

import com.emporium.flags.Flag;
import com.emporium.flags.RequestFlagContext;
import com.emporium.identity.AccountService;
import com.emporium.identity.audit.AuditLog;
import com.emporium.identity.audit.AuditType;
import com.emporium.platform.paging.Page;
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

    @Inject
    AuditLog audit;

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
     * A paid order counts towards the tier and earns points on what was paid for goods: {@code netPaid}
     * is after discounts and redeemed points, without tax and shipping. The order is counted first, so
     * the payment that lifts an account to a tier already earns at that tier's multiplier. Points are
     * pending until the return window ends. Repeating it for the same order changes nothing.
     */
    public void earn(long orderId, Optional<String> account, String currency, long netPaid, Instant paidAt) {
        if (account.isEmpty() || netPaid <= 0) {
            return;
        }
        String owner = account.get();
        ledgers.lock(owner);
        Instant now = Instant.now();
        if (ledgers.paidSpend(orderId).isEmpty()) {
            ledgers.recordSpend(owner, orderId, currency, netPaid, paidAt);
        }
        Tier tier = retier(owner, now);
        Flag flag = Flag.LOYALTY_EARNING;
        Optional<Long> rate = rules.earnRate(currency);
        if (rate.isEmpty()
                || !flags.getBooleanValue(flag.key(), flag.fallback())
                || ledgers.ofOrder(orderId, LoyaltyEntry.Kind.EARN).isPresent()) {
            return;
        }
        long points =
                Math.multiplyExact(Math.multiplyExact(netPaid, rate.get()), rules.multiplierPercent(tier)) / 10_000;
        if (points <= 0) {
            return;
        }
        Instant availableAt = rules.availableFrom(paidAt);
        append(
                ledgers.entries(owner),
                LoyaltyEntry.earn(owner, orderId, points, availableAt, rules.expiryOf(availableAt), now),
                now);
        metrics.counter(EARNED).inc(points);
    }

    /**
     * A refund lowers the tier spend by the refunded part and takes back the points earned on it, in
     * the same proportion of what the order earned (so at the tier multiplier it earned with), never
     * more than the order earned. If they were spent already the balance goes negative, and nothing
     * can be redeemed until later earnings bring it back above zero. Returns the points taken back.
     */
    public long reverse(long orderId, String currency, long refundedNet, String actor) {
        if (refundedNet <= 0) {
            return 0;
        }
        Optional<LoyaltyRepository.Spend> paid = ledgers.paidSpend(orderId);
        Optional<LoyaltyEntry> earned = ledgers.ofOrder(orderId, LoyaltyEntry.Kind.EARN);
        Optional<String> owner = paid.map(LoyaltyRepository.Spend::account).or(() -> earned.map(LoyaltyEntry::account));
        if (owner.isEmpty()) {
            return 0;
        }
        String account = owner.get();
        ledgers.lock(account);
        Instant now = Instant.now();
        long points;
        if (paid.isPresent()) {
            LoyaltyRepository.Spend spend = paid.get();
            long back = Math.min(refundedNet, spend.amount() - ledgers.refundedSpend(orderId));
            if (back > 0) {
                ledgers.recordSpend(account, orderId, spend.currency(), -back, spend.paidAt());
            }
            retier(account, now);
            if (earned.isEmpty()) {
                return 0;
            }
            // Proportional to the whole refunded share so far, so rounding never drifts over several refunds.
            long due = Math.multiplyExact(earned.get().points(), ledgers.refundedSpend(orderId)) / spend.amount();
            points = due - ledgers.reversed(orderId);
        } else {
            // Paid before tiers were recorded: the base rate, as those orders earned.
            Optional<Long> rate = rules.earnRate(currency);
            if (earned.isEmpty() || rate.isEmpty()) {
                return 0;
            }
            points = Math.multiplyExact(refundedNet, rate.get()) / 100;
        }
        points = Math.min(points, earned.get().points() - ledgers.reversed(orderId));
        if (points <= 0) {
            return 0;
        }
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
        // In its own transaction, like every audit event; the ledger entry above carries the same facts.
        audit.record(
                AuditType.LOYALTY_ADJUSTED,
                actor,
                account,
                "points " + adjustment.points() + ": " + adjustment.reason());
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
        return LoyaltyView.of(account, ledger, ledgers.tier(account), ledgers.recent(account, 50));
    }

    /** One page of an account's entries, newest first, below the entry id {@code before}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<LoyaltyView.Entry> entries(String account, Optional<Long> before, int limit) {
        List<LoyaltyEntry> rows = ledgers.page(account, before, limit + 1);
        List<LoyaltyView.Entry> items =
                rows.stream().limit(limit).map(LoyaltyView.Entry::from).toList();
        Optional<String> next = rows.size() > limit
                ? Optional.of(Long.toString(items.get(items.size() - 1).id()))
                : Optional.empty();
        return new Page<>(items, next);
    }

    /**
     * Recomputes tiers whose oldest counted spend has left the window, for up to {@code limit}
     * accounts claimed with SKIP LOCKED; returns how many.
     */
    public int reviewTiersDue(int limit) {
        Instant now = Instant.now();
        List<String> due = ledgers.claimDueForTierReview(now, limit);
        due.forEach(account -> retier(account, now));
        return due.size();
    }

    /** Points that customers could spend now, over all accounts with a positive balance. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long outstandingPoints() {
        return ledgers.outstandingAvailable(Instant.now());
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

    /** Sets the account's tier from its spend inside the window; the caller holds the account's lock. */
    private Tier retier(String account, Instant now) {
        Instant since = rules.tierWindowStart(now);
        Tier tier = rules.tierFor(ledgers.spendSince(account, since));
        ledgers.setTier(account, tier, ledgers.oldestSpendSince(account, since).map(rules::leavesTierWindow));
        return tier;
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
