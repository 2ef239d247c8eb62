package com.emporium.inventory.live;

import com.emporium.inventory.AvailabilityPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;

/**
 * The events of the stream as they go on the wire. Each data event is serialised here once, to text, and
 * that one text is broadcast to every subscriber it matches.
 */
@ApplicationScoped
class StreamEvents {
    /**
     * The reconnect delay docs/inventory.md promises. It rides on every event that has data, because the
     * SSE writer drops the retry field of a comment-only event.
     */
    static final long RECONNECT_MILLIS = 3000;

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    AvailabilityPolicy availability;

    OutboundSseEvent stock(Sse sse, InventoryEvent event) {
        StockEvent data = StockEvent.of(event, availability.of(event.available()));
        return data(sse, "stock", event.id(), JSONB.toJson(data));
    }

    /** Tells a client its history is gone: reload current stock, then continue from this event id. */
    OutboundSseEvent reset(Sse sse, String reason, long lastEventId) {
        StreamReset data = new StreamReset(reason, lastEventId, Instant.now().toString());
        return data(sse, "reset", lastEventId, JSONB.toJson(data));
    }

    OutboundSseEvent comment(Sse sse, String text) {
        return sse.newEventBuilder().comment(text).build();
    }

    private static OutboundSseEvent data(Sse sse, String name, long id, String json) {
        return sse.newEventBuilder()
                .id(Long.toString(id))
                .name(name)
                .reconnectDelay(RECONNECT_MILLIS)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, json)
                .build();
    }
}
