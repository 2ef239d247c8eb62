package com.emporium.platform.security.ratelimit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The pooled Redis connection. Timeouts are short on purpose: a slow Redis must cost a request a few
 * hundred milliseconds at most before the fallback answers, not hang the request thread.
 */
@ApplicationScoped
public class RedisStore {
    /**
     * One atomic step: count the request in its window, starting the window (and its expiry) on the
     * first request, and answer the count with the window's remaining milliseconds.
     */
    private static final String COUNT_SCRIPT = """
      local n = redis.call('INCR', KEYS[1])
      local ttl = redis.call('PTTL', KEYS[1])
      if n == 1 or ttl < 0 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        ttl = tonumber(ARGV[1])
      end
      return {n, ttl}
      """;

    @Inject
    @ConfigProperty(name = "redis.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "redis.port", defaultValue = "16379")
    int port;

    @Inject
    @ConfigProperty(name = "redis.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "redis.ssl", defaultValue = "false")
    boolean ssl;

    @Inject
    @ConfigProperty(name = "redis.timeout", defaultValue = "PT0.25S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "redis.pool.max", defaultValue = "32")
    int poolMax;

    private volatile JedisPool pool;

    private JedisPool pool() {
        if (pool == null) {
            synchronized (this) {
                if (pool == null) {
                    GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
                    poolConfig.setMaxTotal(poolMax);
                    poolConfig.setMaxIdle(poolMax);
                    poolConfig.setMaxWait(timeout);
                    poolConfig.setTestWhileIdle(true);
                    DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                            .connectionTimeoutMillis((int) timeout.toMillis())
                            .socketTimeoutMillis((int) timeout.toMillis())
                            .ssl(ssl)
                            .clientName("emporium");
                    password.filter(p -> !p.isBlank()).ifPresent(client::password);
                    pool = new JedisPool(poolConfig, new HostAndPort(host, port), client.build());
                }
            }
        }
        return pool;
    }

    /**
     * Counts one request under {@code key}; throws a JedisException when Redis cannot answer. A pooled
     * connection that Redis closed (after a Redis restart, say) fails on first use; its idle siblings
     * are just as dead, so they are dropped and the count is tried once more on a fresh connection,
     * rather than refusing a login while Redis is up.
     */
    long[] count(String key, Duration window) {
        try {
            return countOnce(key, window);
        } catch (JedisConnectionException stale) {
            pool().clear();
            return countOnce(key, window);
        }
    }

    private long[] countOnce(String key, Duration window) {
        try (Jedis jedis = pool().getResource()) {
            @SuppressWarnings("unchecked")
            List<Long> result =
                    (List<Long>) jedis.eval(COUNT_SCRIPT, List.of(key), List.of(Long.toString(window.toMillis())));
            return new long[] {result.get(0), result.get(1)};
        }
    }

    /**
     * A stored value, or empty when there is none; throws a JedisException when Redis cannot answer.
     * For caches that share this pool and its short timeouts; a stale pooled connection is replaced
     * once, as in {@link #count}.
     */
    public Optional<byte[]> read(byte[] key) {
        return withFreshRetry(jedis -> Optional.ofNullable(jedis.get(key)));
    }

    /** Stores a value that Redis drops by itself after {@code timeToLive}; throws when Redis cannot answer. */
    public void write(byte[] key, byte[] value, Duration timeToLive) {
        withFreshRetry(jedis -> jedis.psetex(key, Math.max(1, timeToLive.toMillis()), value));
    }

    private <T> T withFreshRetry(Function<Jedis, T> command) {
        try (Jedis jedis = pool().getResource()) {
            return command.apply(jedis);
        } catch (JedisConnectionException stale) {
            pool().clear();
            try (Jedis jedis = pool().getResource()) {
                return command.apply(jedis);
            }
        }
    }

    public boolean ping() {
        try (Jedis jedis = pool().getResource()) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String address() {
        return host + ":" + port;
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
