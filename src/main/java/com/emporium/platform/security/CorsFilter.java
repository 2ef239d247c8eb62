package com.emporium.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for the configured storefront origins only (emporium.cors.allowed-origins); any other origin
 * gets no CORS headers at all, so browsers keep it out. Credentials are allowed, therefore the origin
 * is always echoed exactly, never "*".
 */
public class CorsFilter extends HttpFilter {
    /** Everything a storefront sends: carts, checkout and live-stock resumption included. */
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, X-CSRF-Token,"
            + " X-Request-Id, Cart-Token, Order-Token, Idempotency-Key, Last-Event-ID";

    static final String EXPOSED_HEADERS =
            "ETag, Link, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, X-Request-Id, X-Total-Count";

    private SecurityConfig config;

    @Override
    public void init() {
        config = SecurityConfig.load();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader("Vary", "Origin");
        boolean allowed = config.allows(origin);
        boolean preflight =
                "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            if (!allowed) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(request, response);
    }
}
