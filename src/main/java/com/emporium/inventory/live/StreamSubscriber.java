package com.emporium.inventory.live;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One subscriber's outbox. The listener only appends here; sending happens on the fan-out threads, one
 * send in flight per subscriber, so a slow client holds up nobody but itself and the sink's own queue
 * never grows past one event.
 *
 * <p>A client that falls behind by more than {@code coalesceAfter} events keeps only the newest pending
 * event of each SKU (a stock event carries the SKU's whole availability, so the newest supersedes the
 * older ones, and ids stay increasing); one with more than {@code maxPending} distinct SKUs waiting is
 * disconnected and catches up from the table when it resumes with Last-Event-ID.
 */
final class StreamSubscriber {
    private static final Logger LOG = Logger.getLogger(StreamSubscriber.class.getName());

    /** What {@link #offer} did with an event. */
    enum Outcome {
        QUEUED,
        COALESCED,
        DROPPED,
        CLOSED
    }

    private final SseEventSink sink;
    private final Executor fanOut;
    private final Executor closer;
    private final int coalesceAfter;
    private final int maxPending;

    /** Guarded by this. Pending events in id order; heartbeats have no SKU. */
    private final ArrayDeque<Pending> outbox = new ArrayDeque<>();
    /** Guarded by this: the pending stock event of each SKU, for coalescing. */
    private final Map<String, Pending> pendingBySku = new HashMap<>();
    /** Guarded by this: a drain is scheduled or a send has not completed. */
    private boolean sending;

    private volatile boolean closed;

    private record Pending(String sku, OutboundSseEvent event) {}

    StreamSubscriber(SseEventSink sink, Executor fanOut, Executor closer, int coalesceAfter, int maxPending) {
        this.sink = sink;
        this.fanOut = fanOut;
        this.closer = closer;
        this.coalesceAfter = coalesceAfter;
        this.maxPending = maxPending;
    }

    boolean isClosed() {
        return closed || sink.isClosed();
    }

    /** Queues a stock event (already rendered once for every subscriber) of the given SKU. */
    Outcome offer(String sku, OutboundSseEvent event) {
        Outcome outcome = Outcome.QUEUED;
        synchronized (this) {
            if (isClosed()) {
                return Outcome.CLOSED;
            }
            if (outbox.size() >= coalesceAfter) {
                Pending older = pendingBySku.remove(sku);
                if (older != null) {
                    outbox.remove(older);
                    outcome = Outcome.COALESCED;
                } else if (outbox.size() >= maxPending) {
                    closed = true;
                    outbox.clear();
                    pendingBySku.clear();
                    outcome = Outcome.DROPPED;
                }
            }
            if (outcome != Outcome.DROPPED) {
                Pending pending = new Pending(sku, event);
                outbox.addLast(pending);
                pendingBySku.put(sku, pending);
                if (!sending) {
                    sending = true;
                    fanOut.execute(this::drain);
                }
            }
        }
        if (outcome == Outcome.DROPPED) {
            // Closing flushes first and may wait on the slow client: never on the listener's thread.
            closer.execute(this::closeQuietly);
        }
        return outcome;
    }

    /** Queues a comment, unless events are waiting anyway (they keep the connection just as alive). */
    void ping(OutboundSseEvent comment) {
        synchronized (this) {
            if (isClosed() || sending) {
                return;
            }
            outbox.addLast(new Pending(null, comment));
            sending = true;
            fanOut.execute(this::drain);
        }
    }

    void close() {
        closed = true;
        closeQuietly();
    }

    /**
     * Sends pending events until the outbox is empty or a send has not completed at once; in that case
     * the send's completion continues the drain, so no thread waits on a slow client.
     */
    private void drain() {
        while (true) {
            Pending next;
            synchronized (this) {
                next = outbox.pollFirst();
                if (next == null || isClosed()) {
                    sending = false;
                    return;
                }
                if (next.sku() != null && pendingBySku.get(next.sku()) == next) {
                    pendingBySku.remove(next.sku());
                }
            }
            CompletionStage<?> sent;
            try {
                sent = sink.send(next.event());
            } catch (RuntimeException e) {
                fail(e); // the sink was closed under us, or the write could not start: the client must resume
                return;
            }
            CompletableFuture<?> future = sent.toCompletableFuture();
            if (future.isDone()) {
                if (future.isCompletedExceptionally()) {
                    future.whenComplete((v, error) -> fail(error));
                    return;
                }
                continue;
            }
            future.whenComplete((v, error) -> {
                if (error != null) {
                    fail(error);
                } else {
                    fanOut.execute(this::drain);
                }
            });
            return;
        }
    }

    /** A failed write means the client is gone. */
    private void fail(Throwable error) {
        synchronized (this) {
            closed = true;
            sending = false;
            outbox.clear();
            pendingBySku.clear();
        }
        LOG.log(Level.FINE, "A stream write failed; dropping the subscriber", error);
        closer.execute(this::closeQuietly);
    }

    private void closeQuietly() {
        try {
            sink.close();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a stream failed", e);
        }
    }

    /** For tests of the queue discipline: the SKUs pending, oldest first. */
    synchronized String pendingSkus() {
        StringBuilder text = new StringBuilder();
        for (Iterator<Pending> it = outbox.iterator(); it.hasNext(); ) {
            text.append(it.next().sku()).append(it.hasNext() ? "," : "");
        }
        return text.toString();
    }
}
