package com.emporium.inventory.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The outbox discipline over a connection that is ready only when the test says so: no timing involved. */
class StreamSubscriberTest {
    private static final Executor INLINE = Runnable::run;

    @Test
    void aFastSubscriberReceivesEveryEventEvenOfTheSameSkuEachInItsOwnWrite() {
        Connection connection = new Connection(true);
        StreamSubscriber subscriber = started(connection);
        for (int id = 1; id <= 10; id++) {
            assertThat(subscriber.offer("A", frame(id))).isEqualTo(StreamSubscriber.Outcome.QUEUED);
        }
        assertThat(connection.ids()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(connection.writes).hasSize(10); // one write per event
        assertThat(connection.flushed).isTrue();
    }

    @Test
    void whatPilesUpWhileTheClientIsBusyGoesOutInOneWriteAndOneFlush() {
        Connection connection = new Connection(true);
        StreamSubscriber subscriber = started(connection);
        connection.busyAfterWrite = true;
        subscriber.offer("A", frame(1)); // written; the connection is now busy with it
        subscriber.offer("B", frame(2));
        subscriber.offer("C", frame(3));
        assertThat(connection.writes).hasSize(1);

        connection.becomeReady(subscriber, true);

        assertThat(connection.writes).hasSize(2);
        assertThat(connection.ids()).containsExactly(1L, 2L, 3L);
        assertThat(connection.flushed).isTrue();
    }

    @Test
    void aSlowSubscriberKeepsOnlyTheNewestPendingEventOfEachSkuInIdOrder() {
        Connection connection = new Connection(true);
        StreamSubscriber subscriber = started(connection);
        connection.busyAfterWrite = true;
        subscriber.offer("A", frame(1)); // written; the client has not taken it yet
        subscriber.offer("B", frame(2));
        subscriber.offer("A", frame(3));
        assertThat(subscriber.offer("B", frame(4))).isEqualTo(StreamSubscriber.Outcome.COALESCED);
        assertThat(subscriber.pendingSkus()).isEqualTo("A,B");
        assertThat(subscriber.offer("A", frame(5))).isEqualTo(StreamSubscriber.Outcome.COALESCED);
        assertThat(subscriber.pendingSkus()).isEqualTo("B,A");

        connection.becomeReady(subscriber, true);

        // 2 and 3 were superseded by 4 and 5, which carry the same SKUs' newer availability.
        assertThat(connection.ids()).containsExactly(1L, 4L, 5L);
        assertThat(connection.closed).isFalse();
    }

    @Test
    void aSubscriberTooFarBehindIsDisconnectedWithoutWaitingForIt() {
        Connection connection = new Connection(true);
        StreamSubscriber subscriber = started(connection);
        connection.busyAfterWrite = true;
        subscriber.offer("A", frame(1)); // written, never taken
        for (int id = 2; id <= 5; id++) {
            assertThat(subscriber.offer("SKU-" + id, frame(id))).isEqualTo(StreamSubscriber.Outcome.QUEUED);
        }
        assertThat(subscriber.offer("SKU-6", frame(6))).isEqualTo(StreamSubscriber.Outcome.DROPPED);
        assertThat(connection.closed).isTrue();
        assertThat(subscriber.isClosed()).isTrue();
        assertThat(subscriber.offer("SKU-7", frame(7))).isEqualTo(StreamSubscriber.Outcome.CLOSED);
        assertThat(connection.ids()).containsExactly(1L);
    }

    @Test
    void framesThatMustArriveAreNeitherCoalescedNorDropped() {
        Connection connection = new Connection(true);
        StreamSubscriber subscriber = started(connection);
        connection.busyAfterWrite = true;
        subscriber.send(List.of(frame(0))); // written; the client has not taken it yet
        List<byte[]> frames = new ArrayList<>();
        for (int id = 1; id <= 10; id++) {
            frames.add(frame(id));
        }
        subscriber.send(frames); // more than max-pending, all behind the busy write
        assertThat(subscriber.isClosed()).isFalse();

        connection.becomeReady(subscriber, true);

        assertThat(connection.ids()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void nothingIsWrittenBeforeTheSubscriberStartsAndThenEverythingInOrder() {
        Connection connection = new Connection(true);
        StreamSubscriber subscriber = new StreamSubscriber(connection, INLINE, INLINE, 2, 4);
        subscriber.send(List.of(StreamEvents.comment("subscribed")));
        subscriber.offer("A", frame(1));
        subscriber.ping(StreamEvents.comment("heartbeat")); // not idle: it is not even started
        assertThat(connection.writes).isEmpty();

        subscriber.start();

        assertThat(connection.text()).isEqualTo(": subscribed\n\n" + new String(frame(1), StandardCharsets.UTF_8));
        assertThat(connection.writes).hasSize(1);
    }

    @Test
    void aFailedWriteClosesTheSubscriber() {
        Connection connection = new Connection(true);
        StreamSubscriber subscriber = started(connection);
        connection.failNextWrite = true;
        subscriber.offer("A", frame(1));
        assertThat(subscriber.isClosed()).isTrue();
        assertThat(connection.closed).isTrue();
        assertThat(subscriber.offer("A", frame(2))).isEqualTo(StreamSubscriber.Outcome.CLOSED);
    }

    @Test
    void heartbeatsGoOnlyToIdleSubscribers() {
        Connection connection = new Connection(true);
        StreamSubscriber subscriber = started(connection);
        connection.busyAfterWrite = true;
        subscriber.ping(StreamEvents.comment("heartbeat")); // written; still in the client's hands
        subscriber.ping(StreamEvents.comment("heartbeat")); // the connection is busy anyway
        connection.becomeReady(subscriber, true);
        assertThat(connection.text()).isEqualTo(": heartbeat\n\n");
    }

    @Test
    void aStreamWhoseFirstWakeUpNeverCameIsDrainedByTheHeartbeatAfterOneInterval() {
        Connection connection = new Connection(true);
        connection.wakeOnStart = false; // the container lost its first writable() call
        StreamSubscriber subscriber = new StreamSubscriber(connection, INLINE, INLINE, 2, 4);
        subscriber.send(List.of(StreamEvents.comment("subscribed")));
        subscriber.start();
        subscriber.offer("A", frame(1));
        assertThat(connection.writes).isEmpty();

        subscriber.ping(StreamEvents.comment("heartbeat")); // notes that nothing went out
        assertThat(connection.writes).isEmpty();
        subscriber.ping(StreamEvents.comment("heartbeat")); // still nothing: drains

        assertThat(connection.ids()).containsExactly(1L);
        assertThat(connection.text()).startsWith(": subscribed\n\n").doesNotContain("heartbeat");
    }

    @Test
    void aClientThatTakesNothingIsOnlyAskedAgainNotWrittenTo() {
        Connection connection = new Connection(true);
        StreamSubscriber subscriber = started(connection);
        connection.busyAfterWrite = true;
        subscriber.offer("A", frame(1)); // written, never taken
        subscriber.offer("B", frame(2));
        subscriber.ping(StreamEvents.comment("heartbeat"));
        subscriber.ping(StreamEvents.comment("heartbeat"));
        assertThat(connection.ids()).containsExactly(1L);
        assertThat(subscriber.pendingSkus()).isEqualTo("B");
    }

    private static StreamSubscriber started(Connection connection) {
        StreamSubscriber subscriber = new StreamSubscriber(connection, INLINE, INLINE, 2, 4);
        subscriber.start();
        return subscriber;
    }

    private static byte[] frame(long id) {
        return ("event: stock\nid: " + id + "\ndata: {}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Records writes; after a write it is busy (not ready) while {@link #busyAfterWrite} says so. */
    private static final class Connection implements StreamConnection {
        final List<byte[]> writes = new ArrayList<>();
        boolean ready;
        boolean flushed;
        boolean closed;
        boolean failNextWrite;
        /** The client takes each write only when the test says so. */
        boolean busyAfterWrite;

        Connection(boolean ready) {
            this.ready = ready;
        }

        /** Whether the first writable() call comes, as it should. */
        boolean wakeOnStart = true;

        @Override
        public void start(StreamSubscriber subscriber) {
            if (wakeOnStart) {
                subscriber.writable(); // a real container calls it once writing may begin
            }
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            if (failNextWrite) {
                throw new IOException("connection reset");
            }
            writes.add(bytes);
            flushed = false;
            ready = !busyAfterWrite;
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }

        void becomeReady(StreamSubscriber subscriber, boolean stayReady) {
            ready = true;
            busyAfterWrite = !stayReady;
            subscriber.writable();
        }

        String text() {
            StringBuilder text = new StringBuilder();
            writes.forEach(w -> text.append(new String(w, StandardCharsets.UTF_8)));
            return text.toString();
        }

        List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            Matcher m = Pattern.compile("id: (\\d+)").matcher(text());
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            return ids;
        }
    }
}
