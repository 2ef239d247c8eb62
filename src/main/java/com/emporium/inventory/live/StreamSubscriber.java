package com.emporium.inventory.live;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One subscriber's outbox over its non-blocking connection. The listener only appends frames here; one
 * writer at a time (a fan-out thread, or the container when the client has taken the last write) sends
 * everything pending in one write and one flush. So a slow client holds up nobody but itself, and a
 * burst costs one write per client rather than one per event.
 *
 * <p>A client that falls behind by more than {@code coalesceAfter} events keeps only the newest pending
 * event of each SKU (a stock event carries the SKU's whole availability, so the newest supersedes the
 * older ones, and ids stay increasing); one with more than {@code maxPending} distinct SKUs waiting is
 * disconnected and catches up from the table when it resumes with Last-Event-ID.
 */
final class StreamSubscriber {
    private static final Logger LOG = Logger.getLogger(StreamSubscriber.class.getName());

    /** Larger bursts go out in several writes, so one write's buffer stays small. */
    private static final int MAX_WRITE_BYTES = 64 * 1024;

    /** What {@link #offer} did with an event. */
    enum Outcome {
        QUEUED,
        COALESCED,
        DROPPED,
        CLOSED
    }

    private final StreamConnection connection;
    private final Executor fanOut;
    private final Executor closer;
    private final int coalesceAfter;
    private final int maxPending;

    /** Guarded by this. Pending frames in id order; comments have no SKU. */
    private final ArrayDeque<Pending> outbox = new ArrayDeque<>();
    /**
     * Guarded by this: someone owns the connection's output: a drain is scheduled or running, or the
     * connection answered "not ready" and will call {@link #writable} when it is, or (before
     * {@link #start}) the request's thread still writes to it.
     */
    private boolean writing = true;
    /** Only the owner of the output touches it: bytes written since the last flush. */
    private boolean unflushed;
    /** Guarded by this: {@link #start} was called. */
    private boolean started;
    /** Guarded by this: frames handed to the connection so far, and that count at the last heartbeat. */
    private long written;

    private long writtenAtLastPing = -1;
    /** Held while writing, so a recovery drain never overlaps one the container started. */
    private final ReentrantLock writer = new ReentrantLock();

    private volatile boolean closed;

    private record Pending(String sku, byte[] frame) {}

    StreamSubscriber(StreamConnection connection, Executor fanOut, Executor closer, int coalesceAfter, int maxPending) {
        this.connection = connection;
        this.fanOut = fanOut;
        this.closer = closer;
        this.coalesceAfter = coalesceAfter;
        this.maxPending = maxPending;
    }

    /**
     * Starts non-blocking writing of everything queued so far and from now on. Until then nothing is
     * written (frames only queue), and afterwards the connection owns the output until its first
     * {@link #writable} call. The container loses that first call far less often when the output is
     * switched to non-blocking as the request's thread leaves the resource, so this comes last; the
     * heartbeat recovers the rare stream whose first call was lost anyway (see {@link #ping}).
     */
    void start() {
        synchronized (this) {
            started = true;
        }
        connection.start(this);
    }

    boolean isClosed() {
        return closed;
    }

    /** Queues a stock event's frame (rendered once for every subscriber) of the given SKU. */
    Outcome offer(String sku, byte[] frame) {
        Outcome outcome = Outcome.QUEUED;
        synchronized (this) {
            if (closed) {
                return Outcome.CLOSED;
            }
            if (outbox.size() >= coalesceAfter) {
                if (removePending(sku)) {
                    outcome = Outcome.COALESCED;
                } else if (outbox.size() >= maxPending) {
                    closed = true;
                    outbox.clear();
                    outcome = Outcome.DROPPED;
                }
            }
            if (outcome != Outcome.DROPPED) {
                outbox.addLast(new Pending(sku, frame));
                scheduleDrain();
            }
        }
        if (outcome == Outcome.DROPPED) {
            closeConnection();
        }
        return outcome;
    }

    /** Queues frames that must all arrive (a reset, a comment): never coalesced or dropped. */
    void send(List<byte[]> frames) {
        synchronized (this) {
            if (closed) {
                return;
            }
            for (byte[] frame : frames) {
                outbox.addLast(new Pending(null, frame));
            }
            scheduleDrain();
        }
    }

    /** Queues a comment, unless frames are waiting anyway (they keep the connection just as alive). */
    void ping(byte[] comment) {
        synchronized (this) {
            if (closed || !started) {
                return;
            }
            if (writing) {
                if (written == writtenAtLastPing && !outbox.isEmpty()) {
                    // Nothing went out since the last heartbeat although frames wait: either the client
                    // takes nothing (the readiness check then just arms the container's call again), or
                    // the container's first writable() call was lost in the hand-over from the request's
                    // thread. A drain recovers the latter; the writer lock keeps it from racing a real call.
                    fanOut.execute(this::drain);
                }
                writtenAtLastPing = written;
                return;
            }
            outbox.addLast(new Pending(null, comment));
            scheduleDrain();
        }
    }

    void close() {
        synchronized (this) {
            closed = true;
            outbox.clear();
        }
        closeConnection();
    }

    /**
     * Ends the response off the caller's thread (the listener's, under the stream lock, must not do
     * the container's completion work); inline when the executor is gone because the server stops.
     */
    private void closeConnection() {
        try {
            closer.execute(connection::close);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            connection.close();
        }
    }

    /** Called by the connection when a write may proceed: this thread owns the output now. */
    void writable() {
        drain();
    }

    /** Called by the connection when the client is gone or the response has ended. */
    void failed(Throwable error) {
        if (closed) {
            return;
        }
        LOG.log(Level.FINE, "A stream ended; dropping the subscriber", error);
        close();
    }

    /** Guarded by this. */
    private void scheduleDrain() {
        if (!writing) {
            writing = true;
            fanOut.execute(this::drain);
        }
    }

    /**
     * Writes everything pending, then flushes, until there is nothing left or the connection is not
     * ready; in that case the connection's next {@link #writable} call continues here. Every write and
     * flush is preceded by its own readiness check on the writing thread, as the servlet container
     * requires.
     */
    private void drain() {
        writer.lock();
        try {
            while (true) {
                synchronized (this) {
                    if (closed || (outbox.isEmpty() && !unflushed)) {
                        writing = false;
                        return;
                    }
                }
                if (!connection.isReady()) {
                    return; // the connection owns the output until it calls writable()
                }
                byte[] bytes;
                synchronized (this) {
                    if (closed) {
                        continue;
                    }
                    bytes = outbox.isEmpty() ? null : takeBatch();
                }
                if (bytes != null) {
                    unflushed = true;
                    connection.write(bytes);
                } else {
                    unflushed = false;
                    connection.flush();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            failed(e); // the client is gone, or the response has already ended
        } finally {
            writer.unlock();
        }
    }

    /**
     * Guarded by this: removes the pending event of this SKU, if any. A linear search, but only for a
     * subscriber already behind; keeping an index per subscriber would cost every subscriber on every event.
     */
    private boolean removePending(String sku) {
        for (Iterator<Pending> it = outbox.descendingIterator(); it.hasNext(); ) {
            if (sku.equals(it.next().sku())) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** Guarded by this: everything pending, up to one write's worth, as one array. */
    private byte[] takeBatch() {
        Pending first = take();
        if (outbox.isEmpty() || first.frame().length >= MAX_WRITE_BYTES) {
            return first.frame();
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream(first.frame().length * (outbox.size() + 1));
        batch.writeBytes(first.frame());
        while (!outbox.isEmpty() && batch.size() + outbox.peekFirst().frame().length <= MAX_WRITE_BYTES) {
            batch.writeBytes(take().frame());
        }
        return batch.toByteArray();
    }

    /** Guarded by this. */
    private Pending take() {
        Pending next = outbox.pollFirst();
        written++;
        return next;
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
