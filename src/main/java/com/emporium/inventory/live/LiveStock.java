package com.emporium.inventory.live;

import com.emporium.platform.startup.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
 * everything up to the last published id from the table and joins its channel under the lock, so the
 * next event queued for it is the next event, without gap or duplicate.
 *
 * <p>Publishing renders each event once and only appends it to the matching subscribers' outboxes;
 * the writes run on a few fan-out threads (see {@link StreamSubscriber}), so the listener never waits
 * for a client and a slow client is coalesced or dropped instead of delaying the others.
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

    @Inject
    @ConfigProperty(name = "emporium.inventory.stream.fanout-threads", defaultValue = "2")
    int fanOutThreads;

    @Inject
    @ConfigProperty(name = "emporium.inventory.stream.coalesce-after", defaultValue = "100")
    int coalesceAfter;

    @Inject
    @ConfigProperty(name = "emporium.inventory.stream.max-pending", defaultValue = "1000")
    int maxPending;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService closer;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    /** Guarded by lock. */
    private final Map<StreamFilter, Channel> channels = new HashMap<>();
    /** The newest event handed to subscribers; -1 until the listener has read the table once. */
    private volatile long lastPublishedId = -1;

    private ExecutorService fanOut;
    private Counter delivered;
    private Counter coalesced;
    private Counter dropped;

    /** Subscribers with equal filters share a channel, so a product page's many viewers cost one match per event. */
    private static final class Channel {
        final StreamFilter filter;
        final Set<StreamSubscriber> subscribers = new HashSet<>();

        Channel(StreamFilter filter) {
            this.filter = filter;
        }
    }

    void start(@Observes SchemaReady ready) {
        delivered = metrics.counter("inventory.stream.events.delivered");
        coalesced = metrics.counter("inventory.stream.events.coalesced");
        dropped = metrics.counter("inventory.stream.subscribers.dropped");
        metrics.gauge("inventory.stream.subscribers", this, LiveStock::subscribers);
        fanOut = fanOut();
    }

    /** Plain threads from the managed factory: a managed executor's context handling per task would cost more than the write. */
    private ExecutorService fanOut() {
        lock.lock();
        try {
            if (fanOut == null) {
                fanOut = new ThreadPoolExecutor(
                        fanOutThreads, fanOutThreads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
            }
            return fanOut;
        } finally {
            lock.unlock();
        }
    }

    /** Closing every stream lets the server stop without waiting for clients to go away. */
    @PreDestroy
    void stop() {
        lock.lock();
        try {
            channels.values().forEach(c -> c.subscribers.forEach(StreamSubscriber::close));
            channels.clear();
            if (fanOut != null) {
                fanOut.shutdownNow();
            }
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
                byte[] frame = null;
                for (Channel channel : channels.values()) {
                    if (channel.filter.matches(event)) {
                        if (frame == null) {
                            frame = wire.stock(event);
                        }
                        for (StreamSubscriber subscriber : channel.subscribers) {
                            count(subscriber.offer(event.sku(), frame));
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

    private void count(StreamSubscriber.Outcome outcome) {
        switch (outcome) {
            case QUEUED -> delivered.inc();
            case COALESCED -> {
                delivered.inc();
                coalesced.inc();
            }
            case DROPPED -> dropped.inc();
            case CLOSED -> {}
        }
    }

    /**
     * Adds a subscriber on a connection that has not written anything yet. With a Last-Event-ID it first
     * receives every matching event after that id, in order; an id older than the retained history (or
     * unknown) gets a {@code reset} event instead.
     */
    void subscribe(StreamConnection connection, StreamFilter filter, Long lastEventId) {
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
        StreamSubscriber subscriber = new StreamSubscriber(connection, fanOut(), closer, coalesceAfter, maxPending);
        while (true) {
            if (cursor >= 0) {
                try {
                    cursor = replay.replay(connection, filter, cursor, lastPublishedId);
                } catch (IOException e) {
                    // The client left during its replay; it resumes from the last id it saw.
                    LOG.log(Level.FINE, "A stream closed during its replay", e);
                    connection.close();
                    return;
                }
            }
            lock.lock();
            try {
                if (cursor >= 0 && lastPublishedId > cursor) {
                    continue; // more was published while replaying: replay that too before joining
                }
                List<byte[]> frames = resetReason == null
                        ? List.of(StreamEvents.comment("subscribed"))
                        : List.of(wire.reset(resetReason, lastPublishedId), StreamEvents.comment("subscribed"));
                // Queued, not written: from here on events queue behind these in the subscriber's outbox.
                subscriber.send(frames);
                channels.computeIfAbsent(filter, Channel::new).subscribers.add(subscriber);
                break;
            } finally {
                lock.unlock();
            }
        }
        subscriber.start();
    }

    int subscribers() {
        lock.lock();
        try {
            return channels.values().stream()
                    .mapToInt(c -> c.subscribers.size())
                    .sum();
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

    /**
     * Pings every idle subscriber ({@link StreamHeartbeat} decides when). A write to a closed connection
     * fails and closes its subscriber; closed subscribers are dropped here.
     */
    void heartbeat() {
        lock.lock();
        try {
            byte[] ping = StreamEvents.comment("heartbeat");
            var iterator = channels.values().iterator();
            while (iterator.hasNext()) {
                Channel channel = iterator.next();
                channel.subscribers.removeIf(StreamSubscriber::isClosed);
                if (channel.subscribers.isEmpty()) {
                    iterator.remove();
                    continue;
                }
                channel.subscribers.forEach(s -> s.ping(ping));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stream heartbeat failed", e);
        } finally {
            lock.unlock();
        }
    }
}
