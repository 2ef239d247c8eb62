package com.emporium.inventory.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;

/** Sends one resuming subscriber the events it missed, from the table, before it joins the live fan-out. */
@ApplicationScoped
class StreamReplay {
    private static final int BATCH = 500;

    @Inject
    InventoryEventLog log;

    @Inject
    StreamEvents events;

    /**
     * Writes every matching event after {@code after} up to {@code upTo}, in order, one batch at a time,
     * on the request's thread while the connection is still blocking (so memory holds one batch, and a
     * slow client slows only its own request); returns where it stopped.
     */
    long replay(StreamConnection connection, StreamFilter filter, long after, long upTo) throws IOException {
        long cursor = after;
        while (cursor < upTo) {
            List<InventoryEvent> batch = log.after(cursor, upTo, BATCH);
            if (batch.isEmpty()) {
                return upTo; // the rest were rolled back (gaps in the sequence)
            }
            for (InventoryEvent event : batch) {
                if (filter.matches(event)) {
                    connection.write(events.stock(event));
                }
            }
            connection.flush();
            cursor = batch.get(batch.size() - 1).id();
        }
        return cursor;
    }

    /** Events up to this id may be gone from the table: a client that saw less must reload instead. */
    long purgedThrough() {
        return log.purgedThrough();
    }
}
