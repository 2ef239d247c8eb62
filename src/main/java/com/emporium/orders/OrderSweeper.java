package com.emporium.orders;

import com.emporium.platform.startup.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Cancels orders left unpaid past their hold time (their units come back) and forgets old idempotency keys. */
@ApplicationScoped
public class OrderSweeper {
    private static final Logger LOG = Logger.getLogger(OrderSweeper.class.getName());
    private static final int BATCH = 100;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    OrderService orders;

    @Inject
    OrderMetrics metrics;

    @Inject
    @ConfigProperty(name = "emporium.orders.sweep-interval-seconds", defaultValue = "30")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "emporium.orders.idempotency-key-hours", defaultValue = "24")
    long keyHours;

    private ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        metrics.register();
        schedule = scheduler.scheduleWithFixedDelay(
                this::sweepQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** One short transaction per batch; returns how many orders this call cancelled. */
    public int sweep() {
        int total = 0;
        int cancelled;
        do {
            cancelled = orders.cancelUnpaidDue(BATCH);
            total += cancelled;
        } while (cancelled == BATCH);
        orders.forgetOldKeys(Duration.ofHours(keyHours).toSeconds());
        return total;
    }

    private void sweepQuietly() {
        try {
            int cancelled = sweep();
            if (cancelled > 0) {
                LOG.info(() -> "Cancelled " + cancelled + " unpaid order(s).");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cancelling unpaid orders failed; the next run retries.", e);
        }
    }
}
