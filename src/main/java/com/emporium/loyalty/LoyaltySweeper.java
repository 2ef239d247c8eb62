package com.emporium.loyalty;

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
 * Expires points past their expiry, oldest lot first, and lowers tiers whose spend left the window.
 * Accounts are claimed with SKIP LOCKED, so every
 * replica may run it at once without expiring a lot twice.
 */
@ApplicationScoped
public class LoyaltySweeper {
    private static final Logger LOG = Logger.getLogger(LoyaltySweeper.class.getName());
    private static final int BATCH = 100;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    LoyaltyService loyalty;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.sweep-interval-seconds", defaultValue = "3600")
    long intervalSeconds;

    private ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        schedule = scheduler.scheduleWithFixedDelay(
                this::sweepQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** What one sweep did: accounts whose points expired, and accounts whose tier was recomputed. */
    public record Swept(int accounts, int tiersReviewed) {}

    /**
     * One short transaction per batch of accounts: first expiry, then the tiers of accounts whose
     * oldest counted spend has left the window (a tier can drop with no order or refund happening).
     */
    public Swept sweep() {
        int expired = 0;
        int swept;
        do {
            swept = loyalty.expireDue(BATCH);
            expired += swept;
        } while (swept == BATCH);
        int reviewed = 0;
        do {
            swept = loyalty.reviewTiersDue(BATCH);
            reviewed += swept;
        } while (swept == BATCH);
        return new Swept(expired, reviewed);
    }

    private void sweepQuietly() {
        try {
            Swept swept = sweep();
            if (swept.accounts() > 0 || swept.tiersReviewed() > 0) {
                LOG.info(() -> "Expired loyalty points on " + swept.accounts() + " account(s); reviewed "
                        + swept.tiersReviewed() + " tier(s).");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiring loyalty points failed; the next run retries.", e);
        }
    }
}
