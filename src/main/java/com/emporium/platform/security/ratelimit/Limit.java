package com.emporium.platform.security.ratelimit;

import java.time.Duration;

/** At most {@code max} requests per fixed window. */
public record Limit(String name, int max, Duration window, boolean failClosed) {
    /** The RateLimit-Policy value (IETF draft-ietf-httpapi-ratelimit-headers). */
    public String policy() {
        return max + ";w=" + window.toSeconds();
    }
}
