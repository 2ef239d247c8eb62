package com.emporium.platform.security.ratelimit;

import java.io.IOException;
import redis.embedded.RedisServer;

/**
 * The only class that touches the embedded Redis library (a jar of about 12 MB with Redis binaries).
 * It is not a CDI bean and is loaded only when the embedded mode starts a server, so the production
 * WAR leaves the library out and still deploys.
 */
final class EmbeddedRedisProcess {
    private EmbeddedRedisProcess() {}

    static AutoCloseable start(int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        return server::stop;
    }
}
