package com.emporium.platform.security.ratelimit;

import com.emporium.platform.security.ClientAddress;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The per-address credential limit, applied after JAX-RS has matched the request to a
 * {@link CredentialEndpoint} method and before the body is read or the caller authorised. It fails
 * closed: while the shared counter store is down these endpoints answer 503.
 */
@Provider
@CredentialEndpoint
@Priority(Priorities.AUTHENTICATION - 100)
public class CredentialRateLimitFilter implements ContainerRequestFilter {
    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitRefusals refusals;

    @Context
    HttpServletResponse response;

    @Inject
    RateLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        String client = ClientAddress.limitKey(ClientAddress.current());
        Decision decision = limiter.consume(limits.authPerIp(), client);
        // Replaces the general limit's headers written by the servlet filter: this is the tighter one.
        decision.writeHeaders(response);
        if (!decision.allowed()) {
            refusals.recordForAddress(decision, client);
            request.abortWith(RateLimitRefusals.problem(decision)
                    .at(request.getUriInfo().getRequestUri().getRawPath())
                    .toResponse());
        }
    }
}
