package com.emporium.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct reads of the test database, to check final state rather than what the API says about it. */
final class IdentityDatabase {
    private static final String URL = System.getProperty("it.db.url", "jdbc:postgresql://localhost:15432/postgres");

    private IdentityDatabase() {}

    static long count(String sql, Object... params) {
        return Long.parseLong(strings(sql, params).get(0));
    }

    static List<String> strings(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
