package com.emporium.notify;

import com.emporium.platform.signal.ClusterSignal;
import com.emporium.platform.startup.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the relay on this replica. The outbox trigger's NOTIFY arrives as a cluster signal (topic
 * {@code outbox}) through the replica's one LISTEN connection and wakes it at once; a poll every
 * {@code emporium.outbox.poll-seconds} catches what a lost connection missed and retries that fall due.
 * One drain at a time per replica; replicas share the work through row locks.
 */
@ApplicationScoped
public class OutboxRelay {
    static final String TOPIC = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    OutboxDelivery delivery;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    MailSender mail;

    @Inject
    NotifyMetrics metrics;

    @Inject
    @ConfigProperty(name = "emporium.outbox.poll-seconds", defaultValue = "5")
    long pollSeconds;

    @Inject
    @ConfigProperty(name = "emporium.outbox.relay.enabled", defaultValue = "true")
    boolean enabled;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledFuture<?> poll;

    void start(@Observes SchemaReady ready) {
        metrics.register();
        if (!enabled) {
            LOG.info("The outbox relay is off on this replica (emporium.outbox.relay.enabled=false).");
            return;
        }
        running = true;
        poll = scheduler.scheduleWithFixedDelay(this::wake, 0, pollSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        running = false;
        if (poll != null) {
            poll.cancel(false);
        }
    }

    void onSignal(@Observes ClusterSignal signal) {
        if (running && (signal.isReset() || TOPIC.equals(signal.topic()))) {
            wake();
        }
    }

    /** Starts a drain, or asks the running one to look again before it stops. */
    void wake() {
        again.set(true);
        if (running && draining.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::drain);
            } catch (RuntimeException e) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        // One SMTP connection for the whole drain, closed when it ends (the relay then sleeps).
        try (MailSender.Outgoing outgoing = mail.outgoing()) {
            while (running && again.getAndSet(false)) {
                while (running && delivery.deliverNext(outgoing)) {
                    // one row per transaction until none is due
                }
                while (running && webhooks.deliverNext()) {
                    // one webhook attempt per transaction until none is due
                }
                delivery.measurePending();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The outbox relay stopped a drain; the next signal or poll resumes it.", e);
        } finally {
            draining.set(false);
        }
        if (running && again.get()) {
            wake();
        }
    }
}
