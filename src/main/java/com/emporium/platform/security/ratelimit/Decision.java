package com.emporium.platform.security.ratelimit;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

/** The outcome of counting one request. {@code unavailable}: the shared store is down and the limit fails closed. */
public record Decision(Limit limit, boolean allowed, boolean unavailable, long remaining, long resetSeconds) {

    static Decision unavailable(Limit limit) {
        return new Decision(limit, false, true, 0, 5);
    }

    public long retryAfterSeconds() {
        return Math.max(1, resetSeconds);
    }

    public void writeHeaders(HttpServletResponse response) {
        response.setHeader("RateLimit-Limit", Integer.toString(limit.max()));
        response.setHeader("RateLimit-Remaining", Long.toString(remaining));
        response.setHeader("RateLimit-Reset", Long.toString(resetSeconds));
        response.setHeader("RateLimit-Policy", limit.policy());
        if (!allowed) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds()));
        }
    }

    public Response.ResponseBuilder withHeaders(Response.ResponseBuilder builder) {
        builder.header("RateLimit-Limit", limit.max())
                .header("RateLimit-Remaining", remaining)
                .header("RateLimit-Reset", resetSeconds)
                .header("RateLimit-Policy", limit.policy());
        return allowed ? builder : builder.header("Retry-After", retryAfterSeconds());
    }
}
