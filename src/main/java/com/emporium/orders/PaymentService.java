package com.emporium.orders;

import com.emporium.inventory.ReservationService;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The database side of Stripe payments, each method one short transaction: no transaction is open while
 * Stripe is called ({@link StripePayments} does the calls between these steps). Order row first, then
 * payment row: every path takes the locks in that order.
 */
@ApplicationScoped
@Transactional
public class PaymentService {
    private static final Logger LOG = Logger.getLogger(PaymentService.class.getName());
    static final String ACTOR = "provider:stripe";

    @Inject
    PaymentRepository payments;

    @Inject
    OrderService orders;

    @Inject
    RefundService refunds;

    @Inject
    ReservationService reservations;

    /** The intent already made for this order, if any: a retry fetches it instead of making another. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> intentOf(long orderId) {
        return payments.ofOrder(orderId, StripeGateway.NAME).map(Payment::intentId);
    }

    /** Records the order's intent (once, whoever comes first) and answers the order with its client secret. */
    public OrderView recordIntent(OrderService.Payable order, PaymentIntent intent) {
        payments.addIfAbsent(
                order.orderId(),
                StripeGateway.NAME,
                intent.getId(),
                intent.getAmount(),
                intent.getCurrency().toUpperCase(Locale.ROOT));
        Payment payment = payments.ofOrder(order.orderId(), StripeGateway.NAME).orElseThrow();
        CustomerOrder current = orders.lock(order.orderId()).orElseThrow();
        return orders.view(current, view(payment, intent.getClientSecret()));
    }

    /**
     * Applies one verified event once. The event row commits with the change; a duplicate (or ten at once)
     * finds it and changes nothing. Unknown types are stored as ignored, so Stripe stops resending them.
     */
    public String apply(Event event) {
        if (!payments.claimEvent(event.getId(), event.getType())) {
            return "duplicate";
        }
        String result = switch (event.getType()) {
            case "payment_intent.succeeded" -> succeeded(object(event, PaymentIntent.class));
            case "payment_intent.payment_failed" -> failed(object(event, PaymentIntent.class));
            case "charge.refunded" -> refunded(object(event, Charge.class));
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" ->
                refunds.applyStripeRefund(stripeRefund(object(event, Refund.class)));
            default -> "ignored";
        };
        payments.eventResult(event.getId(), result);
        return result;
    }

    /**
     * Money arrived for an intent: the order becomes PAID through the same step as every provider, once.
     * An amount or currency other than the order's, or a payment for an order already cancelled, is
     * parked in REVIEW for staff and never accepted as paid.
     */
    public String succeeded(PaymentIntent intent) {
        Optional<CustomerOrder> found = orderOf(intent).flatMap(orders::lock);
        if (found.isEmpty()) {
            LOG.warning("Stripe PaymentIntent " + intent.getId() + " names no order of this shop; ignored.");
            return "ignored-unknown-order";
        }
        CustomerOrder order = found.get();
        Optional<Payment> recorded = recorded(order, intent);
        if (recorded.isEmpty()) {
            return "flagged-other-intent";
        }
        Payment payment = recorded.get();
        Instant now = Instant.now();
        if (payment.status() == Payment.Status.SUCCEEDED) {
            return "already-applied";
        }
        String currency =
                intent.getCurrency() == null ? "" : intent.getCurrency().toUpperCase(Locale.ROOT);
        if (intent.getAmount() == null
                || intent.getAmount() != order.amountDue()
                || !currency.equals(order.currency())) {
            payment.flag(
                    "Stripe reports " + intent.getAmount() + " " + currency + " but the order is due "
                            + order.amountDue() + " " + order.currency() + ": not accepted as paid.",
                    now);
            LOG.warning("Order " + order.id() + ": Stripe PaymentIntent " + intent.getId()
                    + " amount or currency differs from the order; flagged for review.");
            return "flagged-mismatch";
        }
        if (order.state() == OrderState.PENDING_PAYMENT && !reservations.stillHeld(order.reservationId())) {
            // The hold expired before the money arrived and its units may be sold to someone else by now:
            // the order cannot be fulfilled, so it ends here (cancelled) instead of answering Stripe 409
            // until the order sweeper gets to it, and the payment waits in REVIEW for staff to refund.
            orders.cancel(order.id(), "the stock hold ended before the payment arrived", ACTOR);
            payment.flag(
                    "Paid at Stripe after the stock hold ended; the order was cancelled: refund the customer.", now);
            LOG.warning("Order " + order.id() + " was paid at Stripe after its stock hold ended; cancelled and"
                    + " flagged for review.");
            return "flagged-hold-ended";
        }
        if (order.state() == OrderState.PENDING_PAYMENT) {
            payment.succeed(now);
            orders.settlePaid(order, StripeGateway.NAME, intent.getId(), ACTOR);
            return "paid";
        }
        if (order.state() == OrderState.CANCELLED) {
            payment.flag("Paid at Stripe after the order was cancelled: refund the customer.", now);
            LOG.warning("Order " + order.id() + " was paid at Stripe after its cancellation; flagged for review.");
            return "flagged-cancelled";
        }
        payment.succeed(now);
        return "already-paid";
    }

    /** A failed attempt: recorded and announced; the order stays payable until its hold ends. */
    String failed(PaymentIntent intent) {
        Optional<CustomerOrder> found = orderOf(intent).flatMap(orders::lock);
        if (found.isEmpty()) {
            return "ignored-unknown-order";
        }
        CustomerOrder order = found.get();
        Optional<Payment> recorded = recorded(order, intent);
        if (recorded.isEmpty()) {
            return "flagged-other-intent";
        }
        String reason = intent.getLastPaymentError() == null
                ? "The payment failed."
                : String.valueOf(intent.getLastPaymentError().getMessage());
        Instant now = Instant.now();
        if (!recorded.get().fail(reason, now)) {
            return "ignored-settled";
        }
        orders.announce(order, "payment.failed", now);
        return "failed";
    }

    /**
     * Stripe's word that money went back. When the charge lists its refunds (API versions before
     * 2022-11-15 include them), each is applied by its id, which also records refunds made in the
     * dashboard; otherwise the pending refunds the refunded total covers are confirmed, and dashboard
     * refunds wait for their own refund.created / refund.updated event.
     */
    String refunded(Charge charge) {
        if (charge.getPaymentIntent() == null || charge.getAmountRefunded() == null) {
            return "ignored";
        }
        List<Refund> listed = charge.getRefunds() == null || charge.getRefunds().getData() == null
                ? List.of()
                : charge.getRefunds().getData();
        String result = "refund-noted";
        for (Refund refund : listed) {
            if (refund.getPaymentIntent() == null) {
                refund.setPaymentIntent(charge.getPaymentIntent());
            }
            String applied = refunds.applyStripeRefund(stripeRefund(refund));
            if (applied.equals("refund-recorded") || applied.equals("refund-confirmed")) {
                result = applied;
            }
        }
        String covered = refunds.confirmUpTo(charge.getPaymentIntent(), charge.getAmountRefunded());
        return covered.equals("refund-confirmed") ? covered : result;
    }

    static RefundService.StripeRefund stripeRefund(Refund refund) {
        Optional<Long> ours;
        try {
            ours = Optional.ofNullable(refund.getMetadata())
                    .map(m -> m.get("refund_id"))
                    .map(Long::parseLong);
        } catch (NumberFormatException e) {
            ours = Optional.empty();
        }
        if (refund.getId() == null || refund.getPaymentIntent() == null || refund.getAmount() == null) {
            throw new PaymentProblems.PayloadInvalid();
        }
        return new RefundService.StripeRefund(
                refund.getId(),
                refund.getPaymentIntent(),
                refund.getAmount(),
                refund.getCurrency() == null ? "" : refund.getCurrency(),
                String.valueOf(refund.getStatus()),
                ours);
    }

    /** Leases unsettled intents for the reconciliation job. */
    public List<String> leaseUnsettled(long minutes, long leaseSeconds, int limit) {
        return payments.leaseUnsettled(minutes, leaseSeconds, limit);
    }

    private Optional<Payment> recorded(CustomerOrder order, PaymentIntent intent) {
        payments.addIfAbsent(
                order.id(),
                StripeGateway.NAME,
                intent.getId(),
                intent.getAmount() == null ? 0 : intent.getAmount(),
                intent.getCurrency() == null
                        ? order.currency()
                        : intent.getCurrency().toUpperCase(Locale.ROOT));
        Optional<Payment> payment = payments.lockByIntent(intent.getId());
        if (payment.isEmpty()) {
            LOG.warning("Order " + order.id() + " already has another Stripe PaymentIntent than " + intent.getId()
                    + "; event not applied.");
        }
        return payment;
    }

    private Optional<Long> orderOf(PaymentIntent intent) {
        String id = intent.getMetadata() == null ? null : intent.getMetadata().get("order_id");
        try {
            return Optional.ofNullable(id).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static OrderView.Payment view(Payment payment, String clientSecret) {
        return new OrderView.Payment(
                payment.provider(),
                payment.intentId(),
                payment.status().name(),
                clientSecret,
                payment.note().orElse(null));
    }

    /**
     * The event's object as stripe-java's model class. An event from another API version than the
     * library's is read leniently: the fields used here have not changed between versions.
     */
    private static <T extends StripeObject> T object(Event event, Class<T> type) {
        StripeObject object;
        try {
            var data = event.getDataObjectDeserializer();
            Optional<StripeObject> exact = data.getObject();
            object = exact.isPresent() ? exact.get() : data.deserializeUnsafe();
        } catch (com.stripe.exception.EventDataObjectDeserializationException | RuntimeException e) {
            throw new PaymentProblems.PayloadInvalid();
        }
        if (!type.isInstance(object)) {
            throw new PaymentProblems.PayloadInvalid();
        }
        return type.cast(object);
    }
}
