package com.emporium.platform.problem;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Gives a problem body to error statuses that the runtime sets without one. The MicroProfile JWT
 * authenticator answers a missing or rejected token with a bare 401 from inside the request, where
 * neither exception mappers nor error pages see it.
 */
public class BodylessErrorFilter extends HttpFilter {
    @Inject
    AccessRefusals refusals;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HoldingResponse holding = new HoldingResponse(response);
        chain.doFilter(request, holding);
        if (holding.bodyless() && !request.isAsyncStarted()) {
            // The authenticator's bare 401 for a token it rejected is only visible here.
            refusals.record(
                    response.getStatus(),
                    request.getUserPrincipal(),
                    request.getHeader("Authorization") != null,
                    request.getRequestURI());
            Problem problem = StatusProblems.forStatus(response.getStatus()).at(request.getRequestURI());
            ServletProblems.write(response, problem);
        }
    }

    /** Holds back the flush of an error status that has no body yet, so one can still be written. */
    private static final class HoldingResponse extends HttpServletResponseWrapper {
        HoldingResponse(HttpServletResponse response) {
            super(response);
        }

        boolean bodyless() {
            return getStatus() >= 400 && !isCommitted() && getContentType() == null;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!bodyless()) {
                super.flushBuffer();
            }
        }
    }
}
