package com.emporium.platform.security.ratelimit;

import com.emporium.platform.problem.StatusProblems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Per-user limits, counted once the token is verified (so a forged subject cannot spend someone
 * else's budget): one user spreading requests over many addresses is still one user.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class UserRateLimitFilter implements ContainerRequestFilter {
    @Inject
    RateLimiter limiter;

    @Inject
    RateLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal user = request.getSecurityContext().getUserPrincipal();
        if (user == null) {
            return;
        }
        Decision decision = limiter.consume(limits.perUser(), user.getName());
        if (!decision.allowed()) {
            request.abortWith(decision.withHeaders(Response.fromResponse(StatusProblems.forStatus(429)
                            .at(request.getUriInfo().getRequestUri().getRawPath())
                            .toResponse()))
                    .build());
        }
    }
}
