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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends every subscriber a comment line at a fixed rate. It keeps proxies from timing the stream out
 * and makes dead clients visible: a write to a closed connection fails, and the subscriber is dropped.
 */
@ApplicationScoped
class StreamHeartbeat {
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    LiveStock live;

    @Inject
    @ConfigProperty(name = "emporium.inventory.stream.heartbeat-seconds", defaultValue = "15")
    long heartbeatSeconds;

    private ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        schedule = scheduler.scheduleAtFixedRate(live::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
