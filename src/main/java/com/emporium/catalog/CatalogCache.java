package com.emporium.catalog;

import com.emporium.platform.http.PublicCache;
import com.emporium.platform.security.ratelimit.RedisStore;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Public catalog responses, kept in this replica's memory (Caffeine) in front of Redis, which every
 * replica shares. A key is the catalog generation plus the normalised request, so a change never needs
 * to find and delete entries: older keys are simply never asked for again, and their time to live frees
 * them. The time to live is never longer than the max-age the responses promise, and it runs from when
 * an entry was first computed, also after it was copied from Redis into memory.
 *
 * <p>Redis is an optimisation only: when it fails, reads go on from memory and the database, and Redis
 * is left alone for a while instead of making every request wait for its timeout.
 */
@ApplicationScoped
public class CatalogCache {
    private static final Logger LOG = Logger.getLogger(CatalogCache.class.getName());
    private static final String KEY_PREFIX = "emporium:catalog:";
    private static final byte FORMAT = 1;

    @Inject
    CatalogGeneration generation;

    @Inject
    RedisStore redis;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.ttl", defaultValue = "PT30S")
    Duration configuredTimeToLive;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.max-age", defaultValue = "60")
    int maxAge;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.local-entries", defaultValue = "10000")
    long localEntries;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.redis.enabled", defaultValue = "true")
    boolean redisEnabled;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.redis.pause", defaultValue = "PT5S")
    Duration redisPause;

    /**
     * A cached response: the exact body and ETag, what the list adds in headers (its next cursor and
     * total), and when it stops being servable (epoch milliseconds, set once when first computed).
     */
    public record Entry(PublicCache.Representation representation, String nextCursor, Long total, long computedAt) {
        public int ageSeconds(long now) {
            return (int) Math.max(0, (now - computedAt) / 1000);
        }
    }

    private Duration timeToLive;
    private Cache<String, Entry> local;
    private volatile long redisResumesAt;
    private Counter localHits;
    private Counter localMisses;
    private Counter redisHits;
    private Counter redisMisses;
    private Counter redisErrors;
    private Counter bypassed;

    @PostConstruct
    void init() {
        Duration promised = Duration.ofSeconds(maxAge);
        timeToLive = configuredTimeToLive.compareTo(promised) > 0 ? promised : configuredTimeToLive;
        local = Caffeine.newBuilder()
                .maximumSize(localEntries)
                .expireAfter(Expiry.<String, Entry>creating((key, entry) -> remaining(entry)))
                .build();
        localHits = metrics.counter("catalog.cache.hits", new Tag("layer", "local"));
        localMisses = metrics.counter("catalog.cache.misses", new Tag("layer", "local"));
        redisHits = metrics.counter("catalog.cache.hits", new Tag("layer", "redis"));
        redisMisses = metrics.counter("catalog.cache.misses", new Tag("layer", "redis"));
        redisErrors = metrics.counter("catalog.cache.redis.errors");
        bypassed = metrics.counter("catalog.cache.bypassed");
    }

    /**
     * The response for a normalised request: from memory, else from Redis, else computed and stored in
     * both. Computed without storing when caching is off or this replica cannot vouch for a generation.
     */
    public Entry respond(String request, Supplier<Entry> compute) {
        Optional<String> current = enabled ? generation.current() : Optional.empty();
        if (current.isEmpty()) {
            bypassed.inc();
            return compute.get();
        }
        String key = KEY_PREFIX + current.get() + ":" + request;
        Entry found = local.getIfPresent(key);
        if (found != null) {
            localHits.inc();
            return found;
        }
        localMisses.inc();
        Optional<Entry> shared = fromRedis(key);
        if (shared.isPresent()) {
            redisHits.inc();
            local.put(key, shared.get());
            return shared.get();
        }
        Entry computed = compute.get();
        local.put(key, computed);
        toRedis(key, computed);
        return computed;
    }

    /**
     * As {@link #respond(String, Supplier)}, except for a signed-in caller: their reads are computed for
     * them and never stored or answered from the cache, whatever the endpoint shows them.
     */
    public Entry respond(HttpHeaders headers, String request, Supplier<Entry> compute) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            bypassed.inc();
            return compute.get();
        }
        return respond(request, compute);
    }

    /**
     * The response as clients see it, whether computed now or served from the cache: the same headers
     * either way, with Age (RFC 9111 section 5.1) telling downstream caches how much of max-age is used.
     */
    public Response.ResponseBuilder ok(HttpHeaders headers, Entry entry) {
        return Response.fromResponse(PublicCache.ok(headers, entry.representation(), maxAge))
                .header("Age", entry.ageSeconds(System.currentTimeMillis()));
    }

    /** An entry for a response computed now. */
    public static Entry fresh(Object view, String nextCursor, Long total) {
        return new Entry(PublicCache.represent(view), nextCursor, total, System.currentTimeMillis());
    }

    private Duration remaining(Entry entry) {
        long left = entry.computedAt() + timeToLive.toMillis() - System.currentTimeMillis();
        return Duration.ofMillis(Math.max(0, left));
    }

    private Optional<Entry> fromRedis(String key) {
        if (!redisUsable()) {
            return Optional.empty();
        }
        try {
            Optional<Entry> entry = redis.read(key.getBytes(StandardCharsets.UTF_8))
                    .map(CatalogCache::decode)
                    .filter(e -> !remaining(e).isZero());
            if (entry.isEmpty()) {
                redisMisses.inc();
            }
            return entry;
        } catch (RuntimeException e) {
            redisFailed(e);
            return Optional.empty();
        }
    }

    private void toRedis(String key, Entry entry) {
        Duration left = remaining(entry);
        if (!redisUsable() || left.isZero()) {
            return;
        }
        try {
            redis.write(key.getBytes(StandardCharsets.UTF_8), encode(entry), left);
        } catch (RuntimeException e) {
            redisFailed(e);
        }
    }

    private boolean redisUsable() {
        return redisEnabled && System.currentTimeMillis() >= redisResumesAt;
    }

    private void redisFailed(RuntimeException e) {
        redisErrors.inc();
        boolean wasUsable = redisUsable();
        redisResumesAt = System.currentTimeMillis() + redisPause.toMillis();
        if (wasUsable) {
            LOG.log(
                    Level.WARNING,
                    "Catalog response cache cannot use Redis; serving from memory and the database, retrying in "
                            + redisPause.toSeconds() + " s: " + e.getMessage());
        }
    }

    static byte[] encode(Entry entry) {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(entry.representation().body().length + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(entry.computedAt());
            out.writeUTF(entry.representation().etag());
            out.writeBoolean(entry.nextCursor() != null);
            if (entry.nextCursor() != null) {
                out.writeUTF(entry.nextCursor());
            }
            out.writeBoolean(entry.total() != null);
            if (entry.total() != null) {
                out.writeLong(entry.total());
            }
            out.writeInt(entry.representation().body().length);
            out.write(entry.representation().body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A value this version cannot read (written by another format) is a miss, not an error. */
    static Entry decode(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            if (in.readByte() != FORMAT) {
                return null;
            }
            long computedAt = in.readLong();
            String etag = in.readUTF();
            String nextCursor = in.readBoolean() ? in.readUTF() : null;
            Long total = in.readBoolean() ? in.readLong() : null;
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return new Entry(new PublicCache.Representation(body, etag), nextCursor, total, computedAt);
        } catch (IOException e) {
            return null;
        }
    }
}
