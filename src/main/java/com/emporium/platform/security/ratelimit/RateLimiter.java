package com.emporium.platform.security.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/** Counts requests against a {@link Limit}, in Redis, or in-process while Redis is down (see package doc). */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    @Inject
    RedisStore redis;

    private final LocalWindows local = new LocalWindows(System::currentTimeMillis);
    private final AtomicBoolean degraded = new AtomicBoolean();

    public Decision consume(Limit limit, String subject) {
        String key = "emporium:rl:" + limit.name() + ":" + subject;
        long[] counted;
        try {
            counted = redis.count(key, limit.window());
            if (degraded.compareAndSet(true, false)) {
                LOG.warning(() -> "Redis at " + redis.address() + " is reachable again: rate limits are shared again");
            }
        } catch (JedisException e) {
            if (degraded.compareAndSet(false, true)) {
                LOG.warning(() -> "Redis at " + redis.address() + " is unreachable (" + e.getMessage()
                        + "): general rate limits are "
                        + "falling back to in-process counters; login, registration and password limits fail closed");
            }
            if (limit.failClosed()) {
                return Decision.unavailable(limit);
            }
            counted = local.count(key, limit.window());
        }
        long count = counted[0];
        long resetSeconds = Math.max(1, (counted[1] + 999) / 1000);
        return new Decision(limit, count <= limit.max(), false, Math.max(0, limit.max() - count), resetSeconds);
    }

    public boolean degraded() {
        return degraded.get();
    }
}
