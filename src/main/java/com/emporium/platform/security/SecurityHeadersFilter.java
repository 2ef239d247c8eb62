package com.emporium.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The OWASP secure-headers set on every answer of the application, error pages included (it is mapped
 * for the ERROR dispatch too). Responses are private unless a resource says otherwise: {@code no-store}
 * is the default and a resource's own Cache-Control (the public catalog's) replaces it. server.xml
 * repeats the transport-level headers for responses the runtime writes outside this application.
 */
public class SecurityHeadersFilter extends HttpFilter {
    static final String CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Strict-Transport-Security", HSTS);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        if (!response.containsHeader("Cache-Control")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, new CacheControlReplacing(response));
    }

    /** Lets a resource's Cache-Control replace the default instead of being added beside it. */
    private static final class CacheControlReplacing extends HttpServletResponseWrapper {
        CacheControlReplacing(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Cache-Control".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
