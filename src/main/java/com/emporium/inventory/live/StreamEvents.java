package com.emporium.inventory.live;

import com.emporium.inventory.AvailabilityPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The events of the stream as they go on the wire: each one rendered here once, to the bytes of a whole
 * {@code text/event-stream} frame, and those same bytes written to every subscriber it matches.
 */
@ApplicationScoped
class StreamEvents {
    /** The reconnect delay docs/inventory.md promises; it rides on every event that has data. */
    static final long RECONNECT_MILLIS = 3000;

    /** Loaded only when the first event is rendered, so writing a comment needs no JSON-B provider. */
    private static final class Json {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    @Inject
    AvailabilityPolicy availability;

    byte[] stock(InventoryEvent event) {
        StockEvent data = StockEvent.of(event, availability.of(event.available()));
        return data("stock", event.id(), Json.JSONB.toJson(data));
    }

    /** Tells a client its history is gone: reload current stock, then continue from this event id. */
    byte[] reset(String reason, long lastEventId) {
        StreamReset data = new StreamReset(reason, lastEventId, Instant.now().toString());
        return data("reset", lastEventId, Json.JSONB.toJson(data));
    }

    static byte[] comment(String text) {
        return (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** JSON-B's compact output escapes line breaks inside strings, so the data is always one line. */
    private static byte[] data(String name, long id, String json) {
        return ("event: " + name + "\nid: " + id + "\nretry: " + RECONNECT_MILLIS + "\ndata: " + json + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
