package com.emporium.platform.security.ratelimit;

import com.emporium.platform.audit.SecurityEvent;
import com.emporium.platform.audit.SecurityEvents;
import com.emporium.platform.problem.Problem;
import com.emporium.platform.problem.StatusProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** How a per-address refusal is answered and audited, the same for the servlet and the JAX-RS filter. */
@ApplicationScoped
public class RateLimitRefusals {
    @Inject
    SecurityEvents events;

    static Problem problem(Decision decision) {
        return decision.unavailable()
                ? Problem.of(
                        503,
                        "rate-limit-unavailable",
                        "Temporarily unavailable",
                        "This operation is refused while its rate limit cannot be checked; retry shortly.")
                : StatusProblems.forStatus(429);
    }

    void recordForAddress(Decision decision, String clientKey) {
        events.publish(
                new SecurityEvent(
                        decision.unavailable() ? "ratelimit.unavailable" : "ratelimit.refused",
                        SecurityEvent.ANONYMOUS,
                        clientKey,
                        "limit=" + decision.limit().name()),
                clientKey);
    }
}
