package com.emporium.platform.database;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens the replica's LISTEN connections. They are their own, never the pool's: each lives as long as the
 * application, and a killed one must never go back into the pool. They reach the same database as the
 * data source in server.xml, from the same {@code db.*} keys (docs/configuration.md); the defaults here are
 * the embedded run's, as there.
 */
@ApplicationScoped
public class ListenConnections {
    static final String DEFAULT_HOST = "localhost";
    static final int DEFAULT_PORT = 15432;
    static final String DEFAULT_NAME = "postgres";
    static final String DEFAULT_USER = "postgres";
    static final String DEFAULT_SSL_MODE = "prefer";
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    /**
     * Where and how to connect; read once, when the first listener starts. LISTEN needs a session on
     * PostgreSQL itself: behind a transaction-mode pooler (PgBouncer) notifications are lost, so a
     * deployment with a pooler points emporium.inventory.listener.host/port at the primary, and every
     * LISTEN session of the replica (live stock and cluster signals) goes there.
     */
    record Settings(String host, int port, String database, String user, String password, String sslMode) {}

    @Inject
    Config config;

    private Settings settings;

    @PostConstruct
    void read() {
        String dataSourceHost = config.getOptionalValue("db.host", String.class).orElse(DEFAULT_HOST);
        int dataSourcePort = config.getOptionalValue("db.port", Integer.class).orElse(DEFAULT_PORT);
        settings = new Settings(
                config.getOptionalValue("emporium.inventory.listener.host", String.class)
                        .orElse(dataSourceHost),
                config.getOptionalValue("emporium.inventory.listener.port", Integer.class)
                        .orElse(dataSourcePort),
                config.getOptionalValue("db.name", String.class).orElse(DEFAULT_NAME),
                config.getOptionalValue("db.user", String.class).orElse(DEFAULT_USER),
                // An empty password (the embedded run's) reads as absent in MicroProfile Config.
                config.getOptionalValue("db.password", String.class).orElse(""),
                config.getOptionalValue("db.ssl-mode", String.class).orElse(DEFAULT_SSL_MODE));
    }

    /** A new connection to the database, named so that it can be told apart in pg_stat_activity. */
    public Connection open(String applicationName) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {settings.host()});
        source.setPortNumbers(new int[] {settings.port()});
        source.setDatabaseName(settings.database());
        source.setUser(settings.user());
        source.setPassword(settings.password());
        source.setSslMode(settings.sslMode());
        source.setApplicationName(applicationName);
        // Keep-alive lets a silently dead peer be noticed even while nothing is being sent.
        source.setTcpKeepAlive(true);
        source.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        return source.getConnection();
    }
}
