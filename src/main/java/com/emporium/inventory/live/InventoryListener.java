package com.emporium.inventory.live;

import com.emporium.inventory.StockChanged;
import com.emporium.platform.database.ListenConnections;
import com.emporium.platform.startup.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The replica's one LISTEN connection, on a managed thread. Notifications only say "something new";
 * what is new is always read from inventory_event after the last id seen, so a lost notification or a
 * dropped connection loses nothing: after reconnecting the listener reads everything it missed.
 *
 * <p>The connection is its own, not the pool's: it lives as long as the application, and a killed
 * connection must never go back into the pool.
 */
@ApplicationScoped
public class InventoryListener {
    static final String CHANNEL = "inventory_events";
    static final String APPLICATION_NAME = "emporium-inventory-listener";
    private static final Logger LOG = Logger.getLogger(InventoryListener.class.getName());
    private static final int CATCH_UP_BATCH = 1000;
    /** Reads the table even without notifications now and then, and so notices a silently dead socket. */
    private static final Duration SAFETY_POLL = Duration.ofSeconds(5);

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    ListenConnections listenConnections;

    @Inject
    InventoryEventLog log;

    @Inject
    LiveStock live;

    @Inject
    MetricRegistry metrics;

    @Inject
    Event<StockChanged> stockChanged;

    @Inject
    @ConfigProperty(name = "emporium.inventory.listener.poll-millis", defaultValue = "250")
    int pollMillis;

    @Inject
    @ConfigProperty(name = "emporium.inventory.listener.initial-backoff-millis", defaultValue = "200")
    long initialBackoffMillis;

    @Inject
    @ConfigProperty(name = "emporium.inventory.listener.max-backoff-millis", defaultValue = "10000")
    long maxBackoffMillis;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile long lagMillis;
    private Counter reconnects;
    private Thread thread;
    /** Touched by the listener thread only. */
    private long lastSeenId = -1;

    void start(@Observes SchemaReady ready) {
        reconnects = metrics.counter("inventory.listener.reconnects");
        metrics.gauge("inventory.listener.lag.milliseconds", this, l -> l.lagMillis);
        running = true;
        thread = threads.newThread(this::run);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        stopping.countDown();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long backoff = initialBackoffMillis;
        while (running) {
            try (Connection connection = connect()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (lastSeenId < 0) {
                    lastSeenId = log.latestId(connection);
                    live.startAt(lastSeenId);
                    stockChanged.fire(new StockChanged(lastSeenId));
                }
                // Listening first, then reading: whatever committed while disconnected is in the table now,
                // and whatever commits from here on is also notified.
                catchUp(connection);
                backoff = initialBackoffMillis;
                Instant nextPoll = Instant.now().plus(SAFETY_POLL);
                while (running) {
                    // Short timeouts: an interrupt does not end a blocking wait, the running flag does.
                    PGNotification[] notifications = pg.getNotifications(pollMillis);
                    if ((notifications != null && notifications.length > 0)
                            || Instant.now().isAfter(nextPoll)) {
                        catchUp(connection);
                        nextPoll = Instant.now().plus(SAFETY_POLL);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                reconnects.inc();
                long wait = backoff;
                LOG.log(
                        Level.WARNING,
                        "Inventory listener lost its connection; reconnecting in " + wait + " ms: " + e.getMessage());
                try {
                    if (stopping.await(wait, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, maxBackoffMillis);
            }
        }
    }

    private void catchUp(Connection connection) throws SQLException {
        List<InventoryEvent> events;
        do {
            events = log.after(connection, lastSeenId, Long.MAX_VALUE, CATCH_UP_BATCH);
            if (!events.isEmpty()) {
                live.publish(events);
                InventoryEvent newest = events.get(events.size() - 1);
                lastSeenId = newest.id();
                stockChanged.fire(new StockChanged(lastSeenId));
                lagMillis = Math.max(
                        0, Duration.between(newest.occurredAt(), Instant.now()).toMillis());
            }
        } while (events.size() == CATCH_UP_BATCH);
    }

    private Connection connect() throws SQLException {
        return listenConnections.open(APPLICATION_NAME);
    }
}
