package com.emporium.orders;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The calls Emporium makes to Stripe, through stripe-java's {@link StripeClient}. Every call carries an
 * idempotency key derived from our own ids, so the retries below (and a client's retry of the whole
 * request) reach the same PaymentIntent or Refund at Stripe instead of making a second one. Only
 * transient failures (no connection, read timeout, Stripe 5xx) are retried and count against the breaker.
 */
@ApplicationScoped
public class StripeGateway {
    public static final String NAME = "stripe";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "emporium.stripe.api-base", defaultValue = "https://api.stripe.com")
    String apiBase;

    @Inject
    @ConfigProperty(name = "emporium.stripe.connect-timeout-millis", defaultValue = "5000")
    int connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "emporium.stripe.read-timeout-millis", defaultValue = "10000")
    int readTimeoutMillis;

    private StripeClient client;

    @PostConstruct
    void init() {
        apiKey().ifPresent(key -> client = StripeClient.builder()
                .setApiKey(key)
                .setApiBase(apiBase)
                .setConnectTimeout(connectTimeoutMillis)
                .setReadTimeout(readTimeoutMillis)
                // Retries are Fault Tolerance's job below; two layers would multiply the attempts.
                .setMaxNetworkRetries(0)
                .build());
    }

    /** The provider is on when a secret key is configured (EMPORIUM_STRIPE_API_KEY or STRIPE_API_KEY). */
    public boolean enabled() {
        return client != null;
    }

    private Optional<String> apiKey() {
        return config.getOptionalValue("emporium.stripe.api-key", String.class)
                .or(() -> config.getOptionalValue("stripe.api-key", String.class))
                .filter(k -> !k.isBlank());
    }

    static String intentKey(long orderId) {
        return "order-" + orderId + "-payment-intent";
    }

    static String refundKey(long refundId) {
        return "refund-" + refundId;
    }

    /** Creates the order's PaymentIntent, or gets the one an earlier attempt with the same key created. */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 250,
            jitter = 100,
            retryOn = {ApiConnectionException.class, ApiException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10_000,
            failOn = {ApiConnectionException.class, ApiException.class})
    public PaymentIntent createIntent(long orderId, long amount, String currency) throws StripeException {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .putMetadata("order_id", Long.toString(orderId))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .build();
        return client.v1()
                .paymentIntents()
                .create(
                        params,
                        RequestOptions.builder()
                                .setIdempotencyKey(intentKey(orderId))
                                .build());
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 250,
            jitter = 100,
            retryOn = {ApiConnectionException.class, ApiException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10_000,
            failOn = {ApiConnectionException.class, ApiException.class})
    public PaymentIntent retrieveIntent(String intentId) throws StripeException {
        return client.v1().paymentIntents().retrieve(intentId);
    }

    /** Refunds part of a PaymentIntent; the key is our refund row's id, so a retry never refunds twice. */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 250,
            jitter = 100,
            retryOn = {ApiConnectionException.class, ApiException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10_000,
            failOn = {ApiConnectionException.class, ApiException.class})
    public Refund refund(long refundId, String intentId, long amount) throws StripeException {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(intentId)
                .setAmount(amount)
                .putMetadata("refund_id", Long.toString(refundId))
                .build();
        return client.v1()
                .refunds()
                .create(
                        params,
                        RequestOptions.builder()
                                .setIdempotencyKey(refundKey(refundId))
                                .build());
    }

    /** A refund by its Stripe id: the reconciliation settles a refund Stripe answered pending. */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 250,
            jitter = 100,
            retryOn = {ApiConnectionException.class, ApiException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10_000,
            failOn = {ApiConnectionException.class, ApiException.class})
    public Refund retrieveRefund(String refundId) throws StripeException {
        return client.v1().refunds().retrieve(refundId);
    }

    /**
     * The refund Stripe made for our refund row, found by the id in its metadata among the intent's
     * refunds: the reconciliation's way to learn whether a call that timed out reached Stripe, also after
     * Stripe has forgotten the idempotency key (24 hours).
     */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 250,
            jitter = 100,
            retryOn = {ApiConnectionException.class, ApiException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10_000,
            failOn = {ApiConnectionException.class, ApiException.class})
    public Optional<Refund> findRefund(long refundId, String intentId) throws StripeException {
        RefundListParams params = RefundListParams.builder()
                .setPaymentIntent(intentId)
                .setLimit(100L)
                .build();
        return client.v1().refunds().list(params).getData().stream()
                .filter(r -> r.getMetadata() != null
                        && Long.toString(refundId).equals(r.getMetadata().get("refund_id")))
                .findFirst();
    }
}
