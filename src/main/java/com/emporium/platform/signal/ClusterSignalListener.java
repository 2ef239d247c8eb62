package com.emporium.platform.signal;

import com.emporium.platform.database.ListenConnections;
import com.emporium.platform.startup.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The replica's LISTEN connection for cluster signals, on a managed thread, built like the inventory
 * listener: its own connection (never the pool's), short waits so the stop flag is seen, reconnect with
 * backoff. After every (re)connect it delivers {@link ClusterSignal#RESET}, because signals sent while it
 * was away are lost and caches must not trust what they hold.
 */
@ApplicationScoped
public class ClusterSignalListener {
    static final String APPLICATION_NAME = "emporium-signal-listener";
    private static final Logger LOG = Logger.getLogger(ClusterSignalListener.class.getName());
    private static final int POLL_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    ListenConnections listenConnections;

    @Inject
    ClusterSignals signals;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    void start(@Observes SchemaReady ready) {
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
        long backoff = 200;
        while (running) {
            try (Connection connection = connect()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ClusterSignals.CHANNEL);
                }
                signals.deliver(ClusterSignal.RESET);
                backoff = 200;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            signals.deliver(ClusterSignal.decode(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                long wait = backoff;
                LOG.log(
                        Level.WARNING,
                        "Cluster signal listener lost its connection; reconnecting in " + wait + " ms: "
                                + e.getMessage());
                try {
                    if (stopping.await(wait, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private Connection connect() throws SQLException {
        return listenConnections.open(APPLICATION_NAME);
    }
}
