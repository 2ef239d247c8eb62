package com.emporium.platform.security.ratelimit;

import com.emporium.platform.problem.ServletProblems;
import com.emporium.platform.security.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The general per-client-address limit on the whole API, before anything else runs. Credential
 * endpoints add their own stricter, fail-closed limit once JAX-RS knows which method a request
 * reaches ({@link CredentialRateLimitFilter}); classifying here by URI would miss its other spellings.
 */
public class RateLimitFilter extends HttpFilter {
    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitRefusals refusals;

    @Inject
    RateLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String client = ClientAddress.limitKey(ClientAddress.current());
        Decision decision = limiter.consume(limits.perIp(), client);
        decision.writeHeaders(response);
        if (!decision.allowed()) {
            refusals.recordForAddress(decision, client);
            ServletProblems.write(response, RateLimitRefusals.problem(decision).at(request.getRequestURI()));
            return;
        }
        chain.doFilter(request, response);
    }
}
