package com.emporium.inventory.live;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads and trims the inventory_event table. Whether an event's SKU is for sale is read with it, from
 * the catalog's state at that moment, so hidden products stay hidden on the stream and in replays. Ids become visible in order (see V2), so "after id N"
 * is a complete answer: this is what both the listener's catch-up and a client's replay rely on.
 */
@ApplicationScoped
class InventoryEventLog {
    @Resource(lookup = "jdbc/emporium")
    DataSource dataSource;

    List<InventoryEvent> after(long afterId, long upToId, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return after(connection, afterId, upToId, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading inventory events failed", e);
        }
    }

    List<InventoryEvent> after(Connection connection, long afterId, long upToId, int limit) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT e.id, e.sku, e.product_id, e.available, e.occurred_at,"
                        + " EXISTS (SELECT 1 FROM sellable_sku s WHERE s.sku = e.sku) AS for_sale"
                        + " FROM inventory_event e WHERE e.id > ? AND e.id <= ? ORDER BY e.id LIMIT ?")) {
            statement.setLong(1, afterId);
            statement.setLong(2, upToId);
            statement.setInt(3, limit);
            List<InventoryEvent> events = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    events.add(new InventoryEvent(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getInt(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getBoolean(6)));
                }
            }
            return events;
        }
    }

    long latestId(Connection connection) throws SQLException {
        return single(connection, "SELECT coalesce(max(id), 0) FROM inventory_event");
    }

    /** Events up to this id may be gone: a client that saw less than this must reload. */
    long purgedThrough() {
        try (Connection connection = dataSource.getConnection()) {
            return single(connection, "SELECT purged_through FROM inventory_event_horizon");
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the event horizon failed", e);
        }
    }

    /**
     * Deletes a batch of events older than the retention and raises the horizon in the same statement.
     * SKIP LOCKED lets every replica run this at once without waiting on each other.
     */
    int purgeOlderThan(long retentionMinutes) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("WITH purged AS (DELETE FROM inventory_event WHERE id IN ("
                                + " SELECT id FROM inventory_event WHERE occurred_at < now() - make_interval(mins => ?)"
                                + " ORDER BY id LIMIT 10000 FOR UPDATE SKIP LOCKED) RETURNING id),"
                                + " horizon AS (UPDATE inventory_event_horizon"
                                + " SET purged_through = GREATEST(purged_through, (SELECT max(id) FROM purged))"
                                + " WHERE EXISTS (SELECT 1 FROM purged))"
                                + " SELECT count(*) FROM purged")) {
            statement.setInt(1, (int) retentionMinutes);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Purging inventory events failed", e);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
