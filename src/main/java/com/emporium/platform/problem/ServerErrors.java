package com.emporium.platform.problem;

import com.emporium.platform.LogText;
import com.emporium.platform.http.RequestIdFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A 500 that reveals nothing but an incident id; the log line with the same id holds the cause. */
final class ServerErrors {
    private static final Logger LOG = Logger.getLogger(ServerErrors.class.getName());

    private ServerErrors() {}

    static Response unexpected(Throwable cause, UriInfo uriInfo) {
        String incident = UUID.randomUUID().toString();
        LOG.log(
                Level.SEVERE,
                "Incident " + incident + " on "
                        + LogText.escape(uriInfo.getRequestUri().getRawPath()) + " (request "
                        + LogText.escape(RequestIdFilter.current()) + ")",
                cause);
        return Problem.of(
                        500,
                        "server-error",
                        "Server error",
                        "The server could not complete the request (incident " + incident + ").")
                .at(uriInfo.getRequestUri().getRawPath())
                .toResponse();
    }
}
