package com.emporium.orders;

import com.emporium.inventory.Receipt;
import com.emporium.inventory.StockService;
import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database side of refunds, each method one short transaction. A refund is reserved under the
 * order's row lock (so the reserved and confirmed refunds of an order never add up to more than was paid,
 * however many staff click at once), the provider is called outside any transaction, and the refund is
 * then confirmed (the order moves to PARTIALLY_REFUNDED or REFUNDED) or released.
 */
@ApplicationScoped
@Transactional
public class RefundService {
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String SHIPPING = "#shipping";
    private static final Set<OrderState> REFUNDABLE =
            Set.of(OrderState.PAID, OrderState.DELIVERED, OrderState.PARTIALLY_REFUNDED);

    @Inject
    com.emporium.loyalty.LoyaltyService loyalty;

    @Inject
    OrderRepository orderRows;

    @Inject
    OrderService orders;

    @Inject
    PaymentRepository payments;

    @Inject
    StockService stock;

    /** The event written to the outbox when a refund is confirmed. */
    public record RefundEvent(
            String type, long orderId, String state, long total, String currency, long refundedAmount, Instant at) {}

    /** A reserved refund: the provider still has to be asked, unless {@code done} already holds the answer. */
    public record Reserved(long refundId, long amount, Optional<String> intentId, Optional<OrderView> done) {}

    public Reserved reserve(long orderId, String key, RefundRequest request, String actor) {
        String scope = "refund:" + orderId;
        String hash = hash(request);
        if (!orderRows.claimKey(scope, key, hash)) {
            OrderRepository.StoredAnswer stored =
                    orderRows.storedAnswer(scope, key).orElseThrow();
            if (!stored.requestHash().equals(hash)) {
                throw new OrderProblems.KeyReused();
            }
            return again(orderId, Long.parseLong(stored.body()));
        }
        CustomerOrder order = orders.lock(orderId).orElseThrow(() -> missing(orderId));
        if (!REFUNDABLE.contains(order.state())) {
            throw new InvalidTransition(orderId, order.state(), OrderState.REFUNDED);
        }
        List<PaymentRepository.RefundRow> earlier = payments.refundsOf(orderId).stream()
                .filter(r -> !"FAILED".equals(r.status()))
                .toList();
        // Refunds give back money: never more than the amount due, the part of the total not paid with points.
        long left = order.amountDue()
                - earlier.stream()
                        .mapToLong(PaymentRepository.RefundRow::amount)
                        .sum();
        Map<String, Integer> refunded = units(earlier);
        Map<String, Integer> units = new LinkedHashMap<>();
        long amount = 0;
        if (request.whole()) {
            for (OrderLine line : order.lines()) {
                int remaining = line.quantity() - refunded.getOrDefault(line.sku(), 0);
                if (remaining > 0) {
                    units.put(line.sku(), remaining);
                }
            }
            if (!refunded.containsKey(SHIPPING)) {
                units.put(SHIPPING, 1);
            }
            amount = left;
        } else {
            Map<String, OrderLine> bySku = new HashMap<>();
            order.lines().forEach(l -> bySku.put(l.sku(), l));
            for (RefundRequest.Line wanted : request.lines()) {
                OrderLine line = bySku.get(wanted.sku());
                if (line == null) {
                    throw new InvalidRequest("SKU '" + wanted.sku() + "' is not in order " + orderId + ".");
                }
                int already = refunded.getOrDefault(line.sku(), 0) + units.getOrDefault(line.sku(), 0);
                if (already + wanted.quantity() > line.quantity()) {
                    throw new Conflict(
                            "refund-exceeds-payment",
                            "Refund exceeds payment",
                            "SKU '" + line.sku() + "' has only " + (line.quantity() - already)
                                    + " unit(s) left to refund.");
                }
                units.merge(line.sku(), wanted.quantity(), Integer::sum);
                amount += Math.multiplyExact(lineTotal(order, line), (long) wanted.quantity()) / line.quantity();
            }
            if (request.withShipping()) {
                if (refunded.containsKey(SHIPPING)) {
                    throw new Conflict(
                            "refund-exceeds-payment", "Refund exceeds payment", "Shipping was refunded already.");
                }
                units.put(SHIPPING, 1);
                amount += order.shipping();
            }
        }
        if (!request.whole() && order.pointsValue() > 0) {
            // Lines were partly paid with points: the money share of their price is what goes back.
            amount = Math.multiplyExact(amount, order.amountDue()) / order.total();
        }
        if (amount <= 0) {
            throw new Conflict("refund-exceeds-payment", "Refund exceeds payment", "Nothing is left to refund.");
        }
        if (amount > left) {
            throw new PaymentProblems.RefundExceedsPayment(amount, left, order.currency());
        }
        Optional<String> intent = payments.ofOrder(orderId, StripeGateway.NAME)
                .filter(p -> p.status() == Payment.Status.SUCCEEDED)
                .map(Payment::intentId);
        long refundId =
                payments.addRefund(orderId, amount, order.currency(), lines(units), request.withRestock(), actor);
        orderRows.storeAnswer(scope, key, 202, Long.toString(refundId));
        return new Reserved(refundId, amount, intent, Optional.empty());
    }

    /** Confirms a refund (once): the order's state follows the confirmed total, refunded units may go back. */
    public OrderView confirm(long refundId, String providerRef, String actor) {
        long orderId = payments.orderOfRefund(refundId).orElseThrow();
        CustomerOrder order = orders.lock(orderId).orElseThrow();
        settle(order, refundId, providerRef, actor);
        return orders.view(order, null);
    }

    /**
     * Marks a PENDING refund SUCCEEDED and lets the order follow: PARTIALLY_REFUNDED or REFUNDED by the
     * confirmed total, units back on the shelf if asked, the points earned reversed in proportion to the
     * money (docs/loyalty.md), order.refunded in the outbox. A refund Stripe made for an order that cannot
     * move (a cancelled order paid late, an order on its way) is still counted and announced, so caps and
     * points follow; only the state stays. The caller holds the order's row lock.
     */
    private boolean settle(CustomerOrder order, long refundId, String providerRef, String actor) {
        long orderId = order.id();
        List<PaymentRepository.RefundRow> rows = payments.refundsOf(orderId);
        PaymentRepository.RefundRow refund =
                rows.stream().filter(r -> r.id() == refundId).findFirst().orElseThrow();
        if (!"PENDING".equals(refund.status())) {
            return false;
        }
        payments.refundStatus(refundId, "SUCCEEDED", providerRef);
        long confirmed = refund.amount()
                + rows.stream()
                        .filter(r -> "SUCCEEDED".equals(r.status()))
                        .mapToLong(PaymentRepository.RefundRow::amount)
                        .sum();
        Instant now = Instant.now();
        OrderState next = confirmed >= order.amountDue() ? OrderState.REFUNDED : OrderState.PARTIALLY_REFUNDED;
        if (order.state().next().contains(next)) {
            orderRows.record(order.transitionTo(
                    next, actor, "refund " + refundId + " of " + refund.amount() + " " + order.currency(), now));
        }
        if (refund.restock()) {
            units(List.of(refund)).forEach((sku, quantity) -> {
                if (!SHIPPING.equals(sku)) {
                    stock.receive(
                            sku, new Receipt(null, quantity, "refund " + refundId + " of order " + orderId), actor);
                }
            });
        }
        // Points earned on the refunded part go back, in proportion to the money refunded (docs/loyalty.md).
        if (order.amountDue() > 0) {
            loyalty.reverse(
                    orderId,
                    order.currency(),
                    Math.multiplyExact(order.netForPoints(), refund.amount()) / order.amountDue(),
                    actor);
        }
        orderRows.announce(
                orderId,
                "order.refunded",
                JSON.toJson(new RefundEvent(
                        "order.refunded",
                        orderId,
                        order.state().name(),
                        order.total(),
                        order.currency(),
                        refund.amount(),
                        now)));
        orderRows.flush();
        return true;
    }

    /** A refund as Stripe reports it; {@code refundId} is ours when Emporium created it (its metadata). */
    public record StripeRefund(
            String id, String intentId, long amount, String currency, String status, Optional<Long> refundId) {}

    /**
     * Applies what Stripe says about one refund, for the webhook and the reconciliation alike. Emporium's
     * own refund (known by the id in its metadata, or by the Stripe id stored earlier) is confirmed,
     * released or left pending as Stripe says. Any other succeeded refund of one of our PaymentIntents
     * was made in the Stripe dashboard: it is recorded once, keyed by its Stripe id, and settled like ours.
     */
    public String applyStripeRefund(StripeRefund refund) {
        Optional<Payment> payment = payments.lockByIntent(refund.intentId());
        if (payment.isEmpty()) {
            return "ignored-unknown-payment";
        }
        long orderId = payment.get().orderId();
        CustomerOrder order = orders.lock(orderId).orElseThrow();
        List<PaymentRepository.RefundRow> rows = payments.refundsOf(orderId);
        Optional<PaymentRepository.RefundRow> known = rows.stream()
                .filter(r -> refund.id().equals(r.providerRef())
                        || refund.refundId().filter(id -> id == r.id()).isPresent())
                .findFirst();
        if (known.isPresent()) {
            PaymentRepository.RefundRow row = known.get();
            if (!"PENDING".equals(row.status())) {
                return "refund-noted";
            }
            return switch (refund.status()) {
                case "succeeded" -> {
                    settle(order, row.id(), refund.id(), PaymentService.ACTOR);
                    yield "refund-confirmed";
                }
                case "failed", "canceled" -> {
                    payments.refundStatus(row.id(), "FAILED", refund.id());
                    yield "refund-failed";
                }
                default -> {
                    payments.refundProviderRef(row.id(), refund.id());
                    yield "refund-pending";
                }
            };
        }
        if (refund.refundId().isPresent() || !"succeeded".equals(refund.status())) {
            // Ours from another shop sharing the Stripe account, or not money back yet: a later event says.
            return "refund-noted";
        }
        if (!order.currency().equalsIgnoreCase(refund.currency())) {
            return "refund-noted";
        }
        Optional<Long> recorded =
                payments.addExternalRefund(orderId, refund.amount(), order.currency(), refund.id(), "stripe-dashboard");
        if (recorded.isEmpty()) {
            return "refund-noted";
        }
        settle(order, recorded.get(), refund.id(), "stripe-dashboard");
        return "refund-recorded";
    }

    /** Refunds still pending after {@code minutes}, leased for the reconciliation job. */
    public List<PaymentRepository.PendingRefund> leasePending(long minutes, long leaseSeconds, int limit) {
        return payments.leasePendingRefunds(minutes, leaseSeconds, limit);
    }

    /** The Stripe PaymentIntent that paid an order, if it was paid through Stripe. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> paidIntent(long orderId) {
        return payments.ofOrder(orderId, StripeGateway.NAME)
                .filter(p -> p.status() == Payment.Status.SUCCEEDED)
                .map(Payment::intentId);
    }

    /** Stripe answered pending: its refund id is kept, so the reconciliation asks for exactly that refund. */
    public void pending(long refundId, String providerRef) {
        payments.refundProviderRef(refundId, providerRef);
    }

    /** The provider refused: the amount is free again. */
    public void release(long refundId) {
        payments.refundStatus(refundId, "FAILED");
    }

    /**
     * Stripe says {@code amountRefunded} in total has been refunded on this intent (charge.refunded):
     * pending refunds are confirmed in the order they were made while they fit in that total.
     */
    public String confirmUpTo(String intentId, long amountRefunded) {
        Optional<Payment> payment = payments.lockByIntent(intentId);
        if (payment.isEmpty()) {
            return "ignored-unknown-payment";
        }
        long orderId = payment.get().orderId();
        orders.lock(orderId);
        List<PaymentRepository.RefundRow> rows = payments.refundsOf(orderId);
        long total = rows.stream()
                .filter(r -> "SUCCEEDED".equals(r.status()))
                .mapToLong(PaymentRepository.RefundRow::amount)
                .sum();
        int confirmed = 0;
        for (PaymentRepository.RefundRow row : rows) {
            if ("PENDING".equals(row.status()) && total + row.amount() <= amountRefunded) {
                confirm(row.id(), null, PaymentService.ACTOR);
                total += row.amount();
                confirmed++;
            }
        }
        return confirmed > 0 ? "refund-confirmed" : "refund-noted";
    }

    private Reserved again(long orderId, long refundId) {
        PaymentRepository.RefundRow row = payments.refundsOf(orderId).stream()
                .filter(r -> r.id() == refundId)
                .findFirst()
                .orElseThrow();
        CustomerOrder order = orders.lock(orderId).orElseThrow();
        if ("FAILED".equals(row.status())) {
            throw new PaymentProblems.ProviderError();
        }
        Optional<OrderView> done =
                "SUCCEEDED".equals(row.status()) ? Optional.of(orders.view(order, null)) : Optional.empty();
        Optional<String> intent = payments.ofOrder(orderId, StripeGateway.NAME)
                .filter(p -> p.status() == Payment.Status.SUCCEEDED)
                .map(Payment::intentId);
        return new Reserved(refundId, row.amount(), intent, done);
    }

    /** What a line cost the customer: prices, less its discount, plus tax when prices exclude it. */
    private static long lineTotal(CustomerOrder order, OrderLine line) {
        long gross = Math.multiplyExact(line.unitPrice(), (long) line.quantity()) - line.discount();
        return order.pricesIncludeTax() ? gross : gross + line.tax();
    }

    private static Map<String, Integer> units(List<PaymentRepository.RefundRow> rows) {
        Map<String, Integer> units = new HashMap<>();
        for (PaymentRepository.RefundRow row : rows) {
            for (String pair : row.lines().split(",")) {
                int colon = pair.lastIndexOf(':');
                if (colon > 0) {
                    units.merge(pair.substring(0, colon), Integer.parseInt(pair.substring(colon + 1)), Integer::sum);
                }
            }
        }
        return units;
    }

    private static String lines(Map<String, Integer> units) {
        StringBuilder text = new StringBuilder();
        units.forEach((sku, quantity) ->
                text.append(text.isEmpty() ? "" : ",").append(sku).append(':').append(quantity));
        return text.toString();
    }

    private static String hash(RefundRequest request) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(JSON.toJson(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NotFound missing(long id) {
        return new NotFound("Order " + id + " does not exist.");
    }
}
