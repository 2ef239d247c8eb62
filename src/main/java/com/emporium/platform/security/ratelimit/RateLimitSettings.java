package com.emporium.platform.security.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Reads the limits once for the application; every filter and use case that checks one injects them. */
@ApplicationScoped
class RateLimitSettings {
    /** A record cannot be proxied, so the one instance is a singleton rather than application-scoped. */
    @Produces
    @Singleton
    RateLimits limits() {
        return RateLimits.load();
    }
}
