package com.emporium.catalog;

import com.emporium.inventory.StockChanged;
import com.emporium.platform.signal.ClusterSignal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * How far this replica has followed the changes public catalog reads depend on: the catalog generation
 * (V11_5, heard as a cluster signal) and the last stock change (the inventory event log). Both numbers
 * only grow, both are the same on every replica once it has caught up, and response caches put them in
 * their keys, so a change makes every older entry unreachable on a replica as soon as it hears of it.
 */
@ApplicationScoped
public class CatalogGeneration {
    static final String TOPIC = "catalog";
    private static final Logger LOG = Logger.getLogger(CatalogGeneration.class.getName());

    @Resource(lookup = "jdbc/emporium")
    DataSource dataSource;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final AtomicLong catalog = new AtomicLong(-1);
    private final AtomicLong stock = new AtomicLong(-1);
    /** Set while signals may have been missed: the catalog number must be read again before it is trusted. */
    private volatile boolean catalogUnsure = true;

    /**
     * The generation to key cached responses by, or empty while this replica cannot vouch for one (before
     * its listeners have started, or when the database cannot be asked): then nothing is cached.
     */
    public Optional<String> current() {
        if (catalogUnsure && !reload()) {
            return Optional.empty();
        }
        long c = catalog.get();
        long s = stock.get();
        if (c < 0 || s < 0) {
            return Optional.empty();
        }
        return Optional.of(c + "." + s);
    }

    /**
     * Within a catalog-changing transaction: once it commits, this replica reads the generation again
     * before its next cached answer, so the staff member who made the change reads it back here without
     * waiting for the signal. (Read after the commit, not during it: the flush at commit may still bump.)
     */
    void changedInThisTransaction() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    catalogUnsure = true;
                }
            }
        });
    }

    void onSignal(@Observes ClusterSignal signal) {
        if (signal.isReset()) {
            catalogUnsure = true;
        } else if (TOPIC.equals(signal.topic())) {
            try {
                catalog.accumulateAndGet(Long.parseLong(signal.subject()), Math::max);
            } catch (NumberFormatException e) {
                catalogUnsure = true;
            }
        }
    }

    void onStockChanged(@Observes StockChanged changed) {
        stock.accumulateAndGet(changed.throughEventId(), Math::max);
    }

    /** Cleared before reading, so a reset that arrives while reading is not lost. */
    private boolean reload() {
        catalogUnsure = false;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT generation FROM catalog_generation");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            catalog.accumulateAndGet(rs.getLong(1), Math::max);
            return true;
        } catch (SQLException | RuntimeException e) {
            catalogUnsure = true;
            LOG.log(Level.FINE, "Catalog generation not readable; responses are not cached for now", e);
            return false;
        }
    }
}
