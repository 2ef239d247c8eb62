package com.emporium.inventory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Set-up and checks of the in-container tests, in plain SQL on the server's data source: each statement
 * commits on its own, and every read sees only what was committed, never the persistence context of
 * the code under test.
 */
@ApplicationScoped
public class InventoryRows {
    @Resource(lookup = "jdbc/emporium")
    DataSource database;

    /** A live category holding an active product with one sellable variant per quantity, stocked at 'main'. */
    public List<String> stockedSkus(int... onHand) {
        String key = UUID.randomUUID().toString().substring(0, 8);
        List<String> skus = new ArrayList<>();
        try (Connection c = database.getConnection()) {
            long category = insert(
                    c,
                    "INSERT INTO category (slug, name, path) VALUES (?, 'In-container stock', '/') RETURNING id",
                    "ic-" + key);
            long product = insert(
                    c,
                    "INSERT INTO product (slug, name, category_id, status, price_from, currency)"
                            + " VALUES (?, 'In-container thing', ?, 'ACTIVE', 1500, 'EUR') RETURNING id",
                    "ic-" + key,
                    category);
            for (int i = 0; i < onHand.length; i++) {
                // Letters keep the SKUs in creation order, which is the order reservations lock them in.
                String sku = "IC-" + key + "-" + (char) ('A' + i);
                insert(
                        c,
                        "INSERT INTO variant (product_id, sku, title, price_amount, currency, position)"
                                + " VALUES (?, ?, 'Variant', 1500, 'EUR', ?) RETURNING id",
                        product,
                        sku,
                        i);
                insert(
                        c,
                        "INSERT INTO stock (sku, location_id, on_hand) SELECT ?, id, ? FROM stock_location"
                                + " WHERE code = 'main' RETURNING on_hand",
                        sku,
                        onHand[i]);
                skus.add(sku);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return skus;
    }

    public long reserved(String sku) {
        return queryLong("SELECT coalesce(sum(reserved), 0) FROM stock WHERE sku = ?", sku);
    }

    public long onHand(String sku) {
        return queryLong("SELECT coalesce(sum(on_hand), 0) FROM stock WHERE sku = ?", sku);
    }

    /** Reservations with a line of this SKU, whatever their status. */
    public long reservationsOf(String sku) {
        return queryLong("SELECT count(DISTINCT reservation_id) FROM reservation_line WHERE sku = ?", sku);
    }

    public long reservationsIn(String status, List<Long> ids) {
        return queryLong(
                "SELECT count(*) FROM reservation WHERE status = ? AND id = ANY (?)", status, ids.toArray(Long[]::new));
    }

    /** Holds that any sweep would expire now, whoever made them. */
    public long dueHolds() {
        return queryLong("SELECT count(*) FROM reservation WHERE status = 'HELD' AND expires_at <= now()");
    }

    /** Moves the holds' expiry into the past, as if their time had run out. */
    public void backdate(List<Long> ids) {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE reservation SET expires_at = now() - interval '1 minute' WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection outside any container transaction, for a test that plays a second writer. */
    public Connection connection() throws SQLException {
        return database.getConnection();
    }

    /**
     * Whether any session of this database waits for a lock another one holds. Asked while the test has
     * a transaction open, so it runs outside it: its connection must not join that transaction.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean someoneWaitsForALock() {
        return queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND cardinality(pg_blocking_pids(pid)) > 0")
                > 0;
    }

    /** Whether the session {@code blocker} holds a lock that another session waits for. */
    public boolean isBlockingSomeone(int blocker) {
        return queryLong("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))", blocker) > 0;
    }

    private long queryLong(String sql, Object... params) {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(Connection c, PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Long[] array) {
                s.setArray(i + 1, c.createArrayOf("bigint", array));
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
    }
}
