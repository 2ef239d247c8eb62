package com.emporium.inventory.live;

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
 * Trims the event table to the retained history on every replica; concurrent purges skip each other's
 * rows (see {@link InventoryEventLog#purgeOlderThan}).
 */
@ApplicationScoped
class EventLogPurge {
    private static final Logger LOG = Logger.getLogger(EventLogPurge.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    InventoryEventLog log;

    @Inject
    @ConfigProperty(name = "emporium.inventory.stream.retention-minutes", defaultValue = "60")
    long retentionMinutes;

    private ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        schedule = scheduler.scheduleWithFixedDelay(this::purge, 1, 10, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void purge() {
        try {
            log.purgeOlderThan(retentionMinutes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging old inventory events failed; the next run retries", e);
        }
    }
}
