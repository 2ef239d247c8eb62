package com.emporium.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * The Redis server both test replicas share (started by replica A as its embedded stand-in). Tests of
 * the Redis-down behaviour shut it down and start a replacement on the same port, which this JVM then
 * owns and stops when it exits.
 */
public final class TestRedis {
    public static final int PORT = Integer.getInteger("it.redis.port", 16379);
    private static RedisServer replacement;

    private TestRedis() {}

    public static void shutDown() {
        try (Jedis jedis = new Jedis("127.0.0.1", PORT)) {
            jedis.shutdown();
        } catch (RuntimeException e) {
            // SHUTDOWN closes the connection instead of answering
        }
    }

    public static synchronized void restart() {
        try {
            replacement = RedisServer.newRedisServer()
                    .port(PORT)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .build();
            replacement.start();
            RedisServer started = replacement;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean up() {
        try (Jedis jedis = new Jedis("127.0.0.1", PORT)) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
