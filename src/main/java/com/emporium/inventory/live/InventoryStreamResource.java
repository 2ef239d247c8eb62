package com.emporium.inventory.live;

import com.emporium.platform.problem.InvalidRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Public live stock: {@code stock} events (id = event id) for every committed availability change,
 * optionally only for some products or SKUs. docs/inventory.md describes the reconnect contract.
 *
 * <p>JAX-RS routes, authorises and validates the request; the stream itself is written on the servlet's
 * non-blocking output (see {@link ServletStreamConnection}), so the suspended response is never resumed.
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
    @APIResponse(
            responseCode = "200",
            description = "An open event stream: `stock` and `reset` events, and comment lines.",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = SchemaType.STRING)))
    public void subscribe(
            @Suspended AsyncResponse async,
            @Context HttpServletRequest request,
            @Context HttpServletResponse response,
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("lastEventId") String lastEventIdParam,
            @QueryParam("product") List<String> products,
            @QueryParam("sku") List<String> skus)
            throws IOException {
        StreamFilter filter = StreamFilter.parse(products, skus);
        String lastEventId =
                lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventIdParam;
        Long resumeAfter = parseId(lastEventId);
        live.subscribe(ServletStreamConnection.open(request, response), filter, resumeAfter);
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
