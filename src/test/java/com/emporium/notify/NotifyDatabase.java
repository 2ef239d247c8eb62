package com.emporium.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct reads and writes of the test database: final-state checks and events other features will write. */
final class NotifyDatabase {
    static final String DB_URL = System.getProperty("it.db.url", "jdbc:postgresql://localhost:15432/postgres");

    private NotifyDatabase() {}

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(DB_URL, "postgres", "");
    }

    static long queryLong(String sql, Object... params) {
        List<Object[]> rows = query(sql, params);
        return ((Number) rows.get(0)[0]).longValue();
    }

    static List<Object[]> query(String sql, Object... params) {
        try (Connection c = connect();
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int execute(String sql, Object... params) {
        try (Connection c = connect();
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an order event as the payments code does (same shape as the orders' own events). */
    static long insertOrderEvent(long orderId, String type, String extraJson) {
        String payload = "{\"type\":\"" + type + "\",\"orderId\":" + orderId
                + ",\"state\":\"PAID\",\"total\":2375,\"currency\":\"EUR\",\"at\":\"2026-11-27T12:00:00Z\""
                + (extraJson == null ? "" : "," + extraJson) + "}";
        return queryLong(
                "INSERT INTO outbox (aggregate_id, type, payload) VALUES (?, ?, ?) RETURNING id",
                orderId,
                type,
                payload);
    }
}
