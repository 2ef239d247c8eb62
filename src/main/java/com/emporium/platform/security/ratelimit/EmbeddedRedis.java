package com.emporium.platform.security.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A real Redis server started inside the application for the developer run (and the test server),
 * on {@code redis.port}, the port the rate limiter connects to. Clusters switch it off with
 * emporium.embedded.redis.enabled=false and point redis.host at their Redis. The library is reached
 * only through {@link EmbeddedRedisProcess}, so the production WAR, which leaves it out, deploys without it.
 */
@ApplicationScoped
public class EmbeddedRedis {
    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());

    @Inject
    @ConfigProperty(name = "emporium.embedded.redis.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "redis.port", defaultValue = "16379")
    int port;

    private AutoCloseable server;

    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!enabled) {
            LOG.info(() -> "Rate limits use the Redis server at redis.host:" + port);
            return;
        }
        try {
            server = EmbeddedRedisProcess.start(port);
            LOG.warning(() -> "EMBEDDED Redis stand-in running on 127.0.0.1:" + port
                    + " (development default, no Redis server needed; "
                    + "set EMPORIUM_EMBEDDED_REDIS_ENABLED=false and REDIS_HOST for a shared one)");
        } catch (Exception | LinkageError e) {
            server = null;
            LOG.warning(() -> "No embedded Redis on this platform (" + e.getMessage()
                    + "): general rate limits run in-process; "
                    + "login and password changes are refused until a Redis server answers at redis.host:redis.port");
        }
    }

    synchronized void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warning(() -> "Embedded Redis did not stop cleanly: " + e.getMessage());
            }
            server = null;
        }
    }
}
