package com.emporium.platform.startup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The only class that touches the embedded PostgreSQL library. It is not a CDI bean, so the container
 * never introspects it, and the JVM loads it only when the embedded mode starts a server: the
 * production WAR leaves the library out and still deploys.
 */
final class EmbeddedPostgresProcess {
    private EmbeddedPostgresProcess() {}

    static AutoCloseable start(int port, Path dataDirectory, boolean clean) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                .start();
    }
}
