package com.emporium.orders;

import com.emporium.platform.problem.NotFound;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Paying with Stripe, receiving its webhooks and reconciling with it. Deliberately not transactional:
 * each database step is its own short transaction in {@link PaymentService}, and Stripe is called between
 * them, so no row lock or connection is held while the network is slow.
 */
@ApplicationScoped
public class StripePayments {
    private static final Logger LOG = Logger.getLogger(StripePayments.class.getName());
    static final String PAYMENTS = "emporium.payments";
    static final String WEBHOOK_EVENTS = "emporium.stripe.webhook.events";
    private static final Set<String> HANDLED = Set.of(
            "payment_intent.succeeded",
            "payment_intent.payment_failed",
            "charge.refunded",
            "refund.created",
            "refund.updated",
            "refund.failed",
            "charge.refund.updated");

    @Inject
    OrderService orders;

    @Inject
    PaymentService payments;

    @Inject
    StripeGateway stripe;

    @Inject
    RefundService refunds;

    @Inject
    MetricRegistry metrics;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "emporium.stripe.webhook-tolerance-seconds", defaultValue = "300")
    long toleranceSeconds;

    /**
     * Pays an order: the {@code stripe} provider answers at once with the PaymentIntent's client secret
     * (the order becomes PAID when Stripe's webhook says so); every other provider settles synchronously.
     */
    public OrderView pay(long id, OrderAccess access, PaymentRequest request) {
        if (!StripeGateway.NAME.equals(request.provider())) {
            return orders.pay(id, access, request);
        }
        if (!stripe.enabled()) {
            throw new UnknownPaymentProvider(request.provider());
        }
        OrderService.Payable payable = orders.payable(id, access);
        Optional<String> known = payments.intentOf(id);
        PaymentIntent intent = call(() -> known.isPresent()
                ? stripe.retrieveIntent(known.get())
                : stripe.createIntent(id, payable.total(), payable.currency()));
        OrderView view = payments.recordIntent(payable, intent);
        count(PAYMENTS, new Tag("provider", StripeGateway.NAME), new Tag("outcome", "intent"));
        return view;
    }

    /** Verifies and applies one webhook delivery; answers what it did. */
    public String receive(String payload, String signature) {
        // STRIPE_WEBHOOK_SECRET is the Secret's name for it (operator/secret-template.yaml).
        Optional<String> secret = config.getOptionalValue("emporium.stripe.webhook-secret", String.class)
                .or(() -> config.getOptionalValue("stripe.webhook-secret", String.class))
                .filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            throw new NotFound("Stripe webhooks are not enabled on this shop.");
        }
        if (signature == null || signature.isBlank()) {
            throw new PaymentProblems.SignatureInvalid();
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret.get(), toleranceSeconds);
        } catch (SignatureVerificationException e) {
            LOG.warning("Stripe webhook refused: signature invalid or too old.");
            throw new PaymentProblems.SignatureInvalid();
        } catch (RuntimeException e) {
            LOG.warning("Stripe webhook refused: body is not a Stripe event.");
            throw new PaymentProblems.PayloadInvalid();
        }
        if (event == null || event.getId() == null || event.getType() == null) {
            throw new PaymentProblems.PayloadInvalid();
        }
        String result = payments.apply(event);
        if (!HANDLED.contains(event.getType())) {
            LOG.info("Stripe event " + event.getId() + " of type " + event.getType() + " ignored.");
        }
        String type = HANDLED.contains(event.getType()) ? event.getType() : "other";
        count(WEBHOOK_EVENTS, new Tag("type", type), new Tag("result", result));
        outcome(result);
        return result;
    }

    /**
     * Refunds through the provider that took the money. The amount is reserved first (short transaction
     * under the order lock), Stripe is called with the key {@code refund-<id>} outside any transaction, and
     * the refund is confirmed when Stripe answers succeeded (or later by charge.refunded). A refusal
     * releases the reservation; an outage keeps it, so the retry with the same Idempotency-Key asks Stripe
     * again under the same key and can never refund twice.
     */
    public OrderView refund(long orderId, String key, RefundRequest request, String actor) {
        RefundService.Reserved reserved = refunds.reserve(orderId, key, request, actor);
        if (reserved.done().isPresent()) {
            return reserved.done().get();
        }
        if (reserved.intentId().isEmpty()) {
            // Paid through the test provider: nothing to call, the refund is confirmed at once.
            return refunds.confirm(reserved.refundId(), "test_refund_" + reserved.refundId(), actor);
        }
        Refund refund;
        try {
            refund = call(
                    () -> stripe.refund(reserved.refundId(), reserved.intentId().get(), reserved.amount()));
        } catch (PaymentProblems.ProviderError e) {
            refunds.release(reserved.refundId());
            throw e;
        }
        count(PAYMENTS, new Tag("provider", StripeGateway.NAME), new Tag("outcome", "refund-" + refund.getStatus()));
        return switch (String.valueOf(refund.getStatus())) {
            case "succeeded" -> refunds.confirm(reserved.refundId(), refund.getId(), actor);
            case "failed", "canceled" -> {
                refunds.release(reserved.refundId());
                throw new PaymentProblems.ProviderError();
            }
            default -> {
                // Pending at Stripe: keep its id, so the reconciliation asks for exactly this refund.
                refunds.pending(reserved.refundId(), refund.getId());
                yield orders.detail(orderId);
            }
        };
    }

    /**
     * What one reconciliation run saw: payments checked, repaired and still pending, then refunds
     * checked, settled (succeeded or failed at Stripe) and still pending; errors of both.
     */
    public record Report(
            int checked,
            int repaired,
            int stillPending,
            int refundsChecked,
            int refundsSettled,
            int refundsPending,
            int errors) {}

    /**
     * Asks Stripe about payments still unsettled here after {@code minutes} and applies the successes
     * through the webhook's own step: a lost webhook is repaired, a late one then finds nothing to do.
     */
    public Report reconcile(long minutes, int limit) {
        int checked = 0;
        int repaired = 0;
        int pending = 0;
        int errors = 0;
        for (String intentId : payments.leaseUnsettled(minutes, 60, limit)) {
            checked++;
            try {
                PaymentIntent intent = call(() -> stripe.retrieveIntent(intentId));
                if ("succeeded".equals(intent.getStatus())) {
                    String result = payments.succeeded(intent);
                    outcome(result);
                    if ("paid".equals(result)) {
                        repaired++;
                        LOG.info("Reconciliation: PaymentIntent " + intentId + " had succeeded; order paid.");
                    }
                } else {
                    pending++;
                }
            } catch (RuntimeException e) {
                errors++;
                LOG.warning("Reconciliation could not check PaymentIntent " + intentId + ": "
                        + e.getClass().getName());
            }
        }
        count("emporium.payments.reconciled", new Tag("outcome", "repaired"), repaired);
        int refundsChecked = 0;
        int settled = 0;
        int refundsPending = 0;
        for (PaymentRepository.PendingRefund row : refunds.leasePending(minutes, 60, limit)) {
            refundsChecked++;
            try {
                String result = settleStuck(row);
                if (result.equals("refund-confirmed") || result.equals("refund-failed")) {
                    settled++;
                    LOG.info("Reconciliation: refund " + row.id() + " settled at Stripe: " + result + ".");
                } else {
                    refundsPending++;
                }
            } catch (RuntimeException e) {
                errors++;
                LOG.warning("Reconciliation could not check refund " + row.id() + ": "
                        + e.getClass().getName());
            }
        }
        count("emporium.payments.reconciled", new Tag("outcome", "refund-settled"), settled);
        return new Report(checked, repaired, pending, refundsChecked, settled, refundsPending, errors);
    }

    /**
     * A refund left PENDING: Stripe answered pending (its id is known, so it is retrieved), or the call
     * timed out (so it is looked up by our id in its metadata; if Stripe never got it, it is made now with
     * the same idempotency key the first attempt used). Stripe's answer is applied through the webhook's step.
     */
    private String settleStuck(PaymentRepository.PendingRefund row) {
        Optional<String> intentId = refunds.paidIntent(row.orderId());
        if (intentId.isEmpty()) {
            return "refund-noted";
        }
        Refund refund = call(() -> {
            if (row.providerRef().isPresent()) {
                return stripe.retrieveRefund(row.providerRef().get());
            }
            Optional<Refund> found = stripe.findRefund(row.id(), intentId.get());
            return found.isPresent() ? found.get() : stripe.refund(row.id(), intentId.get(), row.amount());
        });
        if (refund.getPaymentIntent() == null) {
            refund.setPaymentIntent(intentId.get());
        }
        RefundService.StripeRefund seen = PaymentService.stripeRefund(refund);
        // Ours by construction, also when Stripe's answer lacks the metadata.
        return refunds.applyStripeRefund(new RefundService.StripeRefund(
                seen.id(), seen.intentId(), seen.amount(), seen.currency(), seen.status(), Optional.of(row.id())));
    }

    private void outcome(String result) {
        String outcome = switch (result) {
            case "paid" -> "succeeded";
            case "failed" -> "failed";
            case "flagged-mismatch", "flagged-cancelled", "flagged-hold-ended", "flagged-other-intent" -> "review";
            default -> null;
        };
        if (outcome != null) {
            count(PAYMENTS, new Tag("provider", StripeGateway.NAME), new Tag("outcome", outcome));
        }
    }

    private void count(String name, Tag... tags) {
        metrics.counter(name, tags).inc();
    }

    private void count(String name, Tag tag, long by) {
        metrics.counter(name, tag).inc(by);
    }

    interface StripeCall<T> {
        T run() throws StripeException;
    }

    /** Stripe's transient failures become 503 with Retry-After; its refusals 502; neither leaks details. */
    static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException | ApiException e) {
            LOG.warning("Stripe unavailable: " + e.getClass().getSimpleName() + " (request " + e.getRequestId() + ")");
            throw new PaymentProblems.ProviderUnavailable();
        } catch (FaultToleranceException e) {
            LOG.warning("Stripe unavailable: " + e.getClass().getSimpleName());
            throw new PaymentProblems.ProviderUnavailable();
        } catch (StripeException e) {
            LOG.severe("Stripe refused a request: " + e.getClass().getSimpleName() + " code " + e.getCode() + " status "
                    + e.getStatusCode() + " (request " + e.getRequestId() + ")");
            throw new PaymentProblems.ProviderError();
        }
    }
}
