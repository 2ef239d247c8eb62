package com.emporium.platform.security.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis is reported but never makes the replica unready: without it the API still serves (general
 * limits in-process), only logins pause. Taking every replica out of the load balancer because of
 * Redis would turn a degraded shop into a closed one. The health answer is public, so it says how
 * the shop is affected and never where Redis lives (the server log names the address).
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {
    @Inject
    RedisStore redis;

    @Override
    public HealthCheckResponse call() {
        boolean reachable = redis.ping();
        return HealthCheckResponse.named("redis")
                .up()
                .withData("state", reachable ? "ok" : "degraded")
                .withData(
                        "effect",
                        reachable
                                ? "rate limits shared by all replicas"
                                : "general limits per replica; login, registration and password changes refused")
                .build();
    }
}
