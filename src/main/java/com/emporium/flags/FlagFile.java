package com.emporium.flags;

import dev.openfeature.contrib.providers.flagd.resolver.process.model.FlagParser;
import dev.openfeature.contrib.providers.flagd.resolver.process.storage.connector.QueuePayload;
import dev.openfeature.contrib.providers.flagd.resolver.process.storage.connector.QueuePayloadType;
import dev.openfeature.contrib.providers.flagd.resolver.process.storage.connector.QueueSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The flag file, watched on a managed scheduler and handed to the flagd engine as a sync source. A new
 * version is validated against flagd's schema before the engine sees it: a file that does not parse is
 * rejected with a logged error and a metric, and the last good flags stay in force. Watching the content
 * hash rather than the modification time also works for a Kubernetes ConfigMap, whose files change by an
 * atomic symlink swap.
 */
@ApplicationScoped
public class FlagFile implements QueueSource {
    private static final Logger LOG = Logger.getLogger(FlagFile.class.getName());
    private static final String UNREADABLE = "unreadable";

    /** The flags of the last good file, by key, and that file's SHA-256. */
    public record Snapshot(String sha256, Map<String, JsonObject> flags) {
        static final Snapshot NONE = new Snapshot("", Map.of());
    }

    @Inject
    @ConfigProperty(name = "emporium.flags.file")
    String file;

    @Inject
    @ConfigProperty(name = "emporium.flags.poll-millis", defaultValue = "1000")
    long pollMillis;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MetricRegistry metrics;

    private final BlockingQueue<QueuePayload> queue = new LinkedBlockingQueue<>();
    private volatile Snapshot current = Snapshot.NONE;
    private volatile String lastSeen = "";
    private volatile Optional<String> rejection = Optional.empty();
    private ScheduledFuture<?> watch;

    @Override
    public void init() {
        metrics.gauge("emporium.flags.file.valid", this, f -> f.rejection.isEmpty() ? 1 : 0);
        poll();
        watch = scheduler.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public BlockingQueue<QueuePayload> getStreamQueue() {
        return queue;
    }

    @Override
    @PreDestroy
    public void shutdown() {
        if (watch != null) {
            watch.cancel(false);
        }
    }

    public Snapshot current() {
        return current;
    }

    /** Why the file on disk is not in force, if it is not. */
    public Optional<String> rejection() {
        return rejection;
    }

    public String path() {
        return file;
    }

    void poll() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            if (!UNREADABLE.equals(lastSeen)) {
                lastSeen = UNREADABLE;
                reject("", "the file cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            return;
        }
        String hash = sha256(bytes);
        if (hash.equals(lastSeen)) {
            return;
        }
        lastSeen = hash;
        String json = new String(bytes, StandardCharsets.UTF_8);
        Map<String, JsonObject> flags;
        try {
            FlagParser.parseString(json, true);
            flags = definitions(json);
        } catch (RuntimeException | IOException | LinkageError e) {
            reject(hash, "it is not a valid flagd flag definition: " + firstLine(e.getMessage()));
            return;
        }
        Set<String> changed = new TreeSet<>();
        for (String key : union(current.flags().keySet(), flags.keySet())) {
            if (!Objects.equals(current.flags().get(key), flags.get(key))) {
                changed.add(key);
            }
        }
        current = new Snapshot(hash, flags);
        rejection = Optional.empty();
        queue.offer(new QueuePayload(QueuePayloadType.DATA, json));
        LOG.info("Feature flags loaded from " + file + " (sha256 " + hash + "); changed: " + changed);
    }

    private void reject(String hash, String reason) {
        rejection = Optional.of("Flag file " + (hash.isEmpty() ? "" : "sha256 " + hash + " ") + "rejected: " + reason
                + "; the flags of sha256 " + (current.sha256().isEmpty() ? "(none)" : current.sha256())
                + " stay in force.");
        metrics.counter("emporium.flags.reload.failures").inc();
        LOG.severe(rejection.get());
    }

    private static Map<String, JsonObject> definitions(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject flags = reader.readObject().getJsonObject("flags");
            Map<String, JsonObject> byKey = new LinkedHashMap<>();
            flags.forEach((key, value) -> {
                if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                    byKey.put(key, value.asJsonObject());
                }
            });
            return Map.copyOf(byKey);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        // Log and readiness text must stay one line and bounded, whatever the file holds.
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
