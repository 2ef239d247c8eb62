package com.emporium.orders;

import com.emporium.platform.startup.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Repairs Stripe payments whose webhook never arrived and settles refunds left pending, on a schedule on
 * every replica: each run leases the payments and refunds it checks (SKIP LOCKED plus a lease time), so
 * replicas share the work instead of repeating it.
 */
@ApplicationScoped
public class PaymentReconciler {
    private static final Logger LOG = Logger.getLogger(PaymentReconciler.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    StripePayments payments;

    @Inject
    StripeGateway stripe;

    @Inject
    @ConfigProperty(name = "emporium.payments.reconcile-interval-seconds", defaultValue = "300")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "emporium.payments.reconcile-after-minutes", defaultValue = "10")
    long afterMinutes;

    @Inject
    @ConfigProperty(name = "emporium.payments.reconcile-batch", defaultValue = "100")
    int batch;

    private ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        if (stripe.enabled()) {
            schedule = scheduler.scheduleWithFixedDelay(
                    this::runQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    public StripePayments.Report run() {
        if (!stripe.enabled()) {
            return new StripePayments.Report(0, 0, 0, 0, 0, 0, 0);
        }
        return payments.reconcile(afterMinutes, batch);
    }

    private void runQuietly() {
        try {
            StripePayments.Report report = run();
            if (report.checked() > 0) {
                LOG.info(() -> "Stripe reconciliation: " + report);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stripe reconciliation failed; the next run retries.", e);
        }
    }
}
