package com.emporium.inventory.live;

import com.emporium.inventory.Availability;
import com.emporium.inventory.AvailabilityPolicy;
import com.emporium.platform.startup.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * This replica's SSE subscribers and the fan-out of events to them. Publishing, registering and
 * heartbeats all happen under one lock, which is what makes a resume exact: a subscriber is replayed
 * everything up to the last published id from the table and joins its broadcaster under the lock, so
 * the next broadcast it sees is the next event, without gap or duplicate.
 */
@ApplicationScoped
public class LiveStock {
    private static final Logger LOG = Logger.getLogger(LiveStock.class.getName());
    private static final int REPLAY_BATCH = 500;
    /**
     * The reconnect delay docs/inventory.md promises. It rides on every event that has data, because the
     * SSE writer drops the retry field of a comment-only event.
     */
    private static final long RECONNECT_MILLIS = 3000;

    @Inject
    InventoryEventLog log;

    @Inject
    AvailabilityPolicy availability;

    @Inject
    MetricRegistry metrics;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "emporium.inventory.stream.heartbeat-seconds", defaultValue = "15")
    long heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "emporium.inventory.stream.retention-minutes", defaultValue = "60")
    long retentionMinutes;

    @Inject
    @ConfigProperty(name = "emporium.inventory.stream.resume-wait-millis", defaultValue = "5000")
    long resumeWaitMillis;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    /** Guarded by lock. */
    private final Map<StreamFilter, Channel> channels = new HashMap<>();
    /** The newest event handed to broadcasters; -1 until the listener has read the table once. */
    private volatile long lastPublishedId = -1;

    private volatile Sse sse;
    private Counter delivered;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    /** Subscribers with equal filters share a broadcaster. */
    private static final class Channel {
        final StreamFilter filter;
        final Set<SseEventSink> sinks = new HashSet<>();
        SseBroadcaster broadcaster;

        Channel(StreamFilter filter) {
            this.filter = filter;
        }
    }

    void start(@Observes SchemaReady ready) {
        delivered = metrics.counter("inventory.stream.events.delivered");
        metrics.gauge("inventory.stream.subscribers", this, LiveStock::subscribers);
        schedules.add(
                scheduler.scheduleAtFixedRate(this::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS));
        schedules.add(scheduler.scheduleWithFixedDelay(this::purge, 1, 10, TimeUnit.MINUTES));
    }

    /** Closing every stream lets the server stop without waiting for clients to go away. */
    @PreDestroy
    void stop() {
        schedules.forEach(s -> s.cancel(false));
        lock.lock();
        try {
            channels.values().forEach(c -> c.broadcaster.close());
            channels.clear();
        } finally {
            lock.unlock();
        }
    }

    long lastPublishedId() {
        return lastPublishedId;
    }

    /** The listener's starting point: everything up to here is history, to be replayed from the table. */
    void startAt(long id) {
        lock.lock();
        try {
            if (id > lastPublishedId) {
                lastPublishedId = id;
                published.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Events in id order, each newer than the last published one; called by the listener only. */
    void publish(List<InventoryEvent> events) {
        lock.lock();
        try {
            for (InventoryEvent event : events) {
                if (event.id() <= lastPublishedId) {
                    continue;
                }
                if (sse != null) {
                    OutboundSseEvent out = toSse(event);
                    for (Channel channel : channels.values()) {
                        if (channel.filter.matches(event)) {
                            channel.broadcaster.broadcast(out);
                            delivered.inc(channel.sinks.size());
                        }
                    }
                }
                lastPublishedId = event.id();
            }
            published.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds a subscriber. With a Last-Event-ID it first receives every matching event after that id, in
     * order; an id older than the retained history (or unknown) gets a {@code reset} event instead.
     */
    void subscribe(Sse sse, SseEventSink sink, StreamFilter filter, Long lastEventId) {
        this.sse = sse;
        long cursor = -1;
        String resetReason = null;
        if (lastEventId != null) {
            long upTo = awaitPublished(lastEventId);
            if (lastEventId > upTo) {
                resetReason = "unknown-event-id";
            } else if (lastEventId < log.purgedThrough()) {
                resetReason = "history-expired";
            } else {
                cursor = lastEventId;
            }
        }
        while (true) {
            if (cursor >= 0) {
                cursor = replay(sink, filter, cursor, lastPublishedId);
            }
            lock.lock();
            try {
                if (cursor >= 0 && lastPublishedId > cursor) {
                    continue; // more was published while replaying: replay that too before joining
                }
                if (resetReason != null) {
                    sink.send(reset(resetReason));
                }
                sink.send(sse.newEventBuilder().comment("subscribed").build());
                Channel channel = channels.computeIfAbsent(filter, this::openChannel);
                channel.sinks.add(sink);
                channel.broadcaster.register(sink);
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    int subscribers() {
        lock.lock();
        try {
            return channels.values().stream().mapToInt(c -> c.sinks.size()).sum();
        } finally {
            lock.unlock();
        }
    }

    private long replay(SseEventSink sink, StreamFilter filter, long after, long upTo) {
        long cursor = after;
        while (cursor < upTo) {
            List<InventoryEvent> batch = log.after(cursor, upTo, REPLAY_BATCH);
            if (batch.isEmpty()) {
                return upTo; // the rest were rolled back (gaps in the sequence)
            }
            CompletionStage<?> last = null;
            for (InventoryEvent event : batch) {
                if (filter.matches(event)) {
                    last = sink.send(toSse(event));
                }
            }
            if (last != null) {
                // Bounded memory: the sink's queue never holds more than one batch of replay.
                last.toCompletableFuture().join();
            }
            cursor = batch.get(batch.size() - 1).id();
        }
        return cursor;
    }

    /** Waits (bounded) until this replica's listener has caught up with an id another replica may have sent. */
    private long awaitPublished(long id) {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(resumeWaitMillis);
            while (lastPublishedId < id) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                published.awaitNanos(left);
            }
            return lastPublishedId;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lastPublishedId;
        } finally {
            lock.unlock();
        }
    }

    private Channel openChannel(StreamFilter filter) {
        Channel channel = new Channel(filter);
        channel.broadcaster = newBroadcaster();
        return channel;
    }

    private SseBroadcaster newBroadcaster() {
        SseBroadcaster broadcaster = sse.newBroadcaster();
        // A failed write means the client is gone: close the sink so the next heartbeat drops it.
        broadcaster.onError((sink, error) -> closeQuietly(sink));
        return broadcaster;
    }

    /**
     * Comment lines keep proxies from timing the stream out and make dead clients visible: a write to a
     * closed connection fails and closes its sink. Closed sinks are then dropped; a broadcaster that had
     * any is replaced by a fresh one holding only the open sinks, because the SSE API has no unregister.
     */
    private void heartbeat() {
        if (sse == null) {
            return;
        }
        lock.lock();
        try {
            OutboundSseEvent ping = sse.newEventBuilder().comment("heartbeat").build();
            var iterator = channels.values().iterator();
            while (iterator.hasNext()) {
                Channel channel = iterator.next();
                boolean removed = channel.sinks.removeIf(SseEventSink::isClosed);
                if (channel.sinks.isEmpty()) {
                    channel.broadcaster.close();
                    iterator.remove();
                    continue;
                }
                if (removed) {
                    channel.broadcaster = newBroadcaster();
                    channel.sinks.forEach(channel.broadcaster::register);
                }
                channel.broadcaster.broadcast(ping);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stream heartbeat failed", e);
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a broken stream failed", e);
        }
    }

    private void purge() {
        try {
            log.purgeOlderThan(retentionMinutes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging old inventory events failed; the next run retries", e);
        }
    }

    private OutboundSseEvent toSse(InventoryEvent event) {
        Availability shown = availability.of(event.available());
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", event.id())
                .add("sku", event.sku())
                .add("productId", event.productId())
                .add("availability", shown.level().name());
        if (shown.count() != null) {
            json.add("available", shown.count());
        }
        json.add("at", event.occurredAt().toString());
        return sse.newEventBuilder()
                .id(Long.toString(event.id()))
                .name("stock")
                .reconnectDelay(RECONNECT_MILLIS)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, json.build().toString())
                .build();
    }

    /** Tells a client its history is gone: reload current stock, then continue from this event id. */
    private OutboundSseEvent reset(String reason) {
        return sse.newEventBuilder()
                .id(Long.toString(lastPublishedId))
                .name("reset")
                .reconnectDelay(RECONNECT_MILLIS)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(
                        String.class,
                        Json.createObjectBuilder()
                                .add("reason", reason)
                                .add("lastEventId", lastPublishedId)
                                .add("at", Instant.now().toString())
                                .build()
                                .toString())
                .build();
    }
}
