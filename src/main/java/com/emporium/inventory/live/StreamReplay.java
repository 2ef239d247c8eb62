package com.emporium.inventory.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Sends one resuming subscriber the events it missed, from the table, before it joins the live fan-out. */
@ApplicationScoped
class StreamReplay {
    private static final int BATCH = 500;

    @Inject
    InventoryEventLog log;

    @Inject
    StreamEvents events;

    /** Sends every matching event after {@code after} up to {@code upTo}, in order; returns where it stopped. */
    long replay(Sse sse, SseEventSink sink, StreamFilter filter, long after, long upTo) {
        long cursor = after;
        while (cursor < upTo) {
            List<InventoryEvent> batch = log.after(cursor, upTo, BATCH);
            if (batch.isEmpty()) {
                return upTo; // the rest were rolled back (gaps in the sequence)
            }
            CompletionStage<?> last = null;
            for (InventoryEvent event : batch) {
                if (filter.matches(event)) {
                    last = sink.send(events.stock(sse, event));
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

    /** Events up to this id may be gone from the table: a client that saw less must reload instead. */
    long purgedThrough() {
        return log.purgedThrough();
    }
}
