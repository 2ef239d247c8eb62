package com.emporium.inventory.live;

import com.emporium.platform.problem.InvalidRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;

/**
 * Public live stock: {@code stock} events (id = event id) for every committed availability change,
 * optionally only for some products or SKUs. docs/inventory.md describes the reconnect contract.
 */
@Path("inventory/stream")
public class InventoryStreamResource {
    @Inject
    LiveStock live;

    /**
     * {@code Last-Event-ID} (sent by EventSource on reconnect) or {@code lastEventId} (for a fresh page
     * that kept the id) resumes after that event.
     */
    @GET
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void subscribe(
            @Context SseEventSink sink,
            @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("lastEventId") String lastEventIdParam,
            @QueryParam("product") List<String> products,
            @QueryParam("sku") List<String> skus) {
        StreamFilter filter = StreamFilter.parse(products, skus);
        String lastEventId =
                lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventIdParam;
        live.subscribe(sse, sink, filter, parseId(lastEventId));
    }

    private static Long parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidRequest("Last-Event-ID must be an event id this stream sent.");
        }
    }
}
