package com.emporium.cart;

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

/** Deletes carts nobody touched for their idle time, on every replica, in short batches. */
@ApplicationScoped
public class CartSweeper {
    private static final Logger LOG = Logger.getLogger(CartSweeper.class.getName());
    private static final int BATCH = 500;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    CartService carts;

    @Inject
    @ConfigProperty(name = "emporium.cart.guest-idle-days", defaultValue = "7")
    long guestIdleDays;

    @Inject
    @ConfigProperty(name = "emporium.cart.customer-idle-days", defaultValue = "30")
    long customerIdleDays;

    @Inject
    @ConfigProperty(name = "emporium.cart.sweep-interval-seconds", defaultValue = "3600")
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

    /** Deletes every idle cart, one short transaction per batch; returns how many. */
    public int sweep() {
        long guest = Duration.ofDays(guestIdleDays).toSeconds();
        long customer = Duration.ofDays(customerIdleDays).toSeconds();
        int total = 0;
        int deleted;
        do {
            deleted = carts.deleteIdle(guest, customer, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private void sweepQuietly() {
        try {
            int deleted = sweep();
            if (deleted > 0) {
                LOG.info(() -> "Deleted " + deleted + " idle cart(s).");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cart sweep failed; the next run retries.", e);
        }
    }
}
