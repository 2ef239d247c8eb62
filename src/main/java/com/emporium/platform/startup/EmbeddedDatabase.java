package com.emporium.platform.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A real PostgreSQL server started inside the application for the two-command developer run and the
 * test server. It listens on {@code db.port}, the same setting the server's data source connects to,
 * so the data source needs no special case. Clusters switch it off with emporium.embedded.enabled=false.
 * The library is reached only through {@link EmbeddedPostgresProcess}, so the production WAR, which
 * leaves it out, deploys without it.
 */
@ApplicationScoped
public class EmbeddedDatabase {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    @Inject
    @ConfigProperty(name = "emporium.embedded.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "db.port", defaultValue = "15432")
    int port;

    @Inject
    @ConfigProperty(name = "emporium.embedded.postgres.data-dir", defaultValue = "embedded-postgres")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "emporium.embedded.postgres.clean", defaultValue = "false")
    boolean clean;

    private AutoCloseable server;

    public boolean isEnabled() {
        return enabled;
    }

    synchronized void start() {
        if (!enabled || server != null) {
            return;
        }
        Path dir = Path.of(dataDirectory).toAbsolutePath();
        try {
            server = EmbeddedPostgresProcess.start(port, dir, clean);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on port " + port, e);
        } catch (LinkageError e) {
            throw new IllegalStateException(
                    "This build has no embedded PostgreSQL (the production WAR leaves it out):"
                            + " set EMPORIUM_EMBEDDED_ENABLED=false and DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD",
                    e);
        }
        LOG.warning(() -> "EMBEDDED PostgreSQL stand-in running on localhost:" + port + " with data in " + dir
                + " (development default; set EMPORIUM_EMBEDDED_ENABLED=false and DB_* for a real server)");
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.warning(() -> "Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        server = null;
    }
}
