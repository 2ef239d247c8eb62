package com.emporium.inventory.live;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The outbox discipline with a sink whose writes complete only when the test says so: no timing involved. */
class StreamSubscriberTest {
    private static final Executor INLINE = Runnable::run;

    @Test
    void aFastSubscriberReceivesEveryEventEvenOfTheSameSku() {
        Sink sink = new Sink(true);
        StreamSubscriber subscriber = new StreamSubscriber(sink, INLINE, INLINE, 2, 4);
        for (int id = 1; id <= 10; id++) {
            assertThat(subscriber.offer("A", event(id))).isEqualTo(StreamSubscriber.Outcome.QUEUED);
        }
        assertThat(sink.sentIds()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @Test
    void aSlowSubscriberKeepsOnlyTheNewestPendingEventOfEachSkuInIdOrder() {
        Sink sink = new Sink(false);
        StreamSubscriber subscriber = new StreamSubscriber(sink, INLINE, INLINE, 2, 4);
        subscriber.offer("A", event(1)); // in flight
        subscriber.offer("B", event(2));
        subscriber.offer("A", event(3));
        assertThat(subscriber.offer("B", event(4))).isEqualTo(StreamSubscriber.Outcome.COALESCED);
        assertThat(subscriber.pendingSkus()).isEqualTo("A,B");
        assertThat(subscriber.offer("A", event(5))).isEqualTo(StreamSubscriber.Outcome.COALESCED);
        assertThat(subscriber.pendingSkus()).isEqualTo("B,A");

        sink.completeAll();

        // 2 and 3 were superseded by 4 and 5, which carry the same SKUs' newer availability.
        assertThat(sink.sentIds()).containsExactly("1", "4", "5");
        assertThat(sink.isClosed()).isFalse();
    }

    @Test
    void aSubscriberTooFarBehindIsDisconnectedWithoutWaitingForIt() {
        Sink sink = new Sink(false);
        StreamSubscriber subscriber = new StreamSubscriber(sink, INLINE, INLINE, 2, 4);
        subscriber.offer("A", event(1)); // in flight, never completes
        for (int id = 2; id <= 5; id++) {
            assertThat(subscriber.offer("SKU-" + id, event(id))).isEqualTo(StreamSubscriber.Outcome.QUEUED);
        }
        assertThat(subscriber.offer("SKU-6", event(6))).isEqualTo(StreamSubscriber.Outcome.DROPPED);
        assertThat(sink.isClosed()).isTrue();
        assertThat(subscriber.isClosed()).isTrue();
        assertThat(subscriber.offer("SKU-7", event(7))).isEqualTo(StreamSubscriber.Outcome.CLOSED);
        assertThat(sink.sentIds()).containsExactly("1");
    }

    @Test
    void aFailedWriteClosesTheSubscriber() {
        Sink sink = new Sink(false);
        StreamSubscriber subscriber = new StreamSubscriber(sink, INLINE, INLINE, 2, 4);
        subscriber.offer("A", event(1));
        subscriber.offer("A", event(2));
        sink.pending.get(0).completeExceptionally(new java.io.IOException("connection reset"));
        assertThat(subscriber.isClosed()).isTrue();
        assertThat(sink.sentIds()).containsExactly("1");
    }

    @Test
    void heartbeatsGoOnlyToIdleSubscribers() {
        Sink sink = new Sink(false);
        StreamSubscriber subscriber = new StreamSubscriber(sink, INLINE, INLINE, 2, 4);
        subscriber.ping(event(-1));
        subscriber.ping(event(-2)); // the first is still in flight: the connection is busy anyway
        assertThat(sink.sentIds()).containsExactly("-1");
    }

    private static OutboundSseEvent event(long id) {
        return (OutboundSseEvent) Proxy.newProxyInstance(
                StreamSubscriberTest.class.getClassLoader(),
                new Class<?>[] {OutboundSseEvent.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getId" -> Long.toString(id);
                    case "toString" -> "event " + id;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> null;
                });
    }

    /** Records sends; completes each at once, or only on {@link #completeAll}. */
    private static final class Sink implements SseEventSink {
        private final boolean completeAtOnce;
        private final List<OutboundSseEvent> sent = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        private boolean closed;

        Sink(boolean completeAtOnce) {
            this.completeAtOnce = completeAtOnce;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            sent.add(event);
            CompletableFuture<Void> future = new CompletableFuture<>();
            if (completeAtOnce) {
                future.complete(null);
            } else {
                pending.add(future);
            }
            return future;
        }

        @Override
        public void close() {
            closed = true;
        }

        void completeAll() {
            while (!pending.isEmpty()) {
                pending.remove(0).complete(null);
            }
        }

        List<String> sentIds() {
            return sent.stream().map(OutboundSseEvent::getId).toList();
        }
    }
}
