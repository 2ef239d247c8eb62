package com.emporium.platform.security.ratelimit;

import com.emporium.platform.problem.Problem;
import com.emporium.platform.problem.ServletProblems;
import com.emporium.platform.problem.StatusProblems;
import com.emporium.platform.security.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Per-client-address limits on the whole API, before anything else runs. Credential endpoints
 * (login, registration, refresh, password change) have their own stricter, fail-closed limit.
 */
public class RateLimitFilter extends HttpFilter {
    private static final Set<String> CREDENTIAL_PATHS =
            Set.of("/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh", "/api/v1/me/password");

    @Inject
    RateLimiter limiter;

    private RateLimits limits;

    @Override
    public void init() {
        limits = RateLimits.load();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean credentials = "POST".equals(request.getMethod()) && CREDENTIAL_PATHS.contains(request.getRequestURI());
        Decision decision = limiter.consume(credentials ? limits.authPerIp() : limits.perIp(), ClientAddress.current());
        decision.writeHeaders(response);
        if (!decision.allowed()) {
            refuse(request, response, decision);
            return;
        }
        chain.doFilter(request, response);
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, Decision decision) throws IOException {
        Problem problem = decision.unavailable()
                ? Problem.of(
                        503,
                        "rate-limit-unavailable",
                        "Temporarily unavailable",
                        "This operation is refused while its rate limit cannot be checked; retry shortly.")
                : StatusProblems.forStatus(429);
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        ServletProblems.write(response, problem.at(request.getRequestURI()));
    }
}
