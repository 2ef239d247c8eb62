package com.emporium.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The relay's and the webhooks' series; operator/ alerts on these names. */
@ApplicationScoped
public class NotifyMetrics {
    /** Time from the outbox row's creation (in the announcing transaction) to its delivery. */
    static final String LAG = "emporium.outbox.delivery.lag";

    static final String PENDING = "emporium.outbox.pending";
    /** Age of the oldest undelivered row: grows while the relay is stuck, even when nothing is delivered. */
    static final String OLDEST = "emporium.outbox.oldest.pending.seconds";

    static final String OUTBOX_FAILED = "emporium.outbox.failed";
    static final String WEBHOOK_ATTEMPTS = "emporium.webhooks.attempts";
    static final String WEBHOOK_DISABLED = "emporium.webhooks.endpoints.disabled";

    @Inject
    MetricRegistry registry;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldest = new AtomicLong();

    void register() {
        registry.timer(LAG);
        registry.counter(OUTBOX_FAILED);
        registry.gauge(PENDING, pending, AtomicLong::get);
        registry.gauge(OLDEST, oldest, AtomicLong::get);
        for (String outcome : new String[] {"delivered", "retry", "failed"}) {
            registry.counter(WEBHOOK_ATTEMPTS, new Tag("outcome", outcome));
        }
        registry.counter(WEBHOOK_DISABLED);
    }

    void delivered(Duration lag) {
        registry.timer(LAG).update(lag.isNegative() ? Duration.ZERO : lag);
    }

    void failed() {
        registry.counter(OUTBOX_FAILED).inc();
    }

    void pending(long count, long oldestSeconds) {
        pending.set(count);
        oldest.set(oldestSeconds);
    }

    void webhookAttempt(String outcome) {
        registry.counter(WEBHOOK_ATTEMPTS, new Tag("outcome", outcome)).inc();
    }

    void endpointDisabled() {
        registry.counter(WEBHOOK_DISABLED).inc();
    }
}
