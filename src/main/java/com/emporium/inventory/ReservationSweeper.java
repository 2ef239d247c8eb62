package com.emporium.inventory;

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
 * Expires overdue holds on every replica at a fixed delay. There is no leader: concurrent sweeps claim
 * disjoint holds (see {@link ReservationService#expireDue}).
 */
@ApplicationScoped
public class ReservationSweeper {
    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class.getName());
    private static final int BATCH = 200;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    ReservationService reservations;

    @Inject
    @ConfigProperty(name = "emporium.inventory.sweep-interval-seconds", defaultValue = "30")
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

    /** Expires every overdue hold, one short transaction per batch; returns how many this call expired. */
    public int sweep() {
        int total = 0;
        int expired;
        do {
            expired = reservations.expireDue(BATCH);
            total += expired;
        } while (expired == BATCH);
        return total;
    }

    private void sweepQuietly() {
        try {
            int expired = sweep();
            if (expired > 0) {
                LOG.fine(() -> "Expired " + expired + " stock holds");
            }
        } catch (RuntimeException e) {
            // The next run retries; a failed batch rolled back and released nothing.
            LOG.log(Level.WARNING, "Expiring stock holds failed", e);
        }
    }
}
