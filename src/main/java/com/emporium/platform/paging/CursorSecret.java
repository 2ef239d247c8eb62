package com.emporium.platform.paging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The key cursors are signed with. It lives in the database (V7) so that every replica signs alike
 * and a cursor issued by one is accepted by another, without one more secret to deploy.
 */
@ApplicationScoped
public class CursorSecret {
    @Resource(lookup = "jdbc/emporium")
    DataSource dataSource;

    private volatile byte[] secret;

    public byte[] get() {
        byte[] current = secret;
        if (current == null) {
            current = load();
            secret = current;
        }
        return current;
    }

    private byte[] load() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT secret FROM cursor_key");
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("The cursor key is missing (migration V7)");
            }
            return rs.getString(1).getBytes(StandardCharsets.UTF_8);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the cursor key failed", e);
        }
    }
}
