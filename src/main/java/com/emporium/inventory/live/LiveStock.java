package com.emporium.inventory.live;

import com.emporium.platform.startup.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Inject
    StreamEvents wire;

    @Inject
    StreamReplay replay;

    @Inject
    MetricRegistry metrics;

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
    }

    /** Closing every stream lets the server stop without waiting for clients to go away. */
    @PreDestroy
    void stop() {
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
                    OutboundSseEvent out = wire.stock(sse, event);
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
            } else if (lastEventId < replay.purgedThrough()) {
                resetReason = "history-expired";
            } else {
                cursor = lastEventId;
            }
        }
        while (true) {
            if (cursor >= 0) {
                cursor = replay.replay(sse, sink, filter, cursor, lastPublishedId);
            }
            lock.lock();
            try {
                if (cursor >= 0 && lastPublishedId > cursor) {
                    continue; // more was published while replaying: replay that too before joining
                }
                if (resetReason != null) {
                    sink.send(wire.reset(sse, resetReason, lastPublishedId));
                }
                sink.send(wire.comment(sse, "subscribed"));
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
     * Pings every subscriber ({@link StreamHeartbeat} decides when). A write to a closed connection fails
     * and closes its sink; closed sinks are dropped here, and a broadcaster that had any is replaced by a
     * fresh one holding only the open sinks, because the SSE API has no unregister.
     */
    void heartbeat() {
        if (sse == null) {
            return;
        }
        lock.lock();
        try {
            OutboundSseEvent ping = wire.comment(sse, "heartbeat");
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
}
