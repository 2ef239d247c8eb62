package com.emporium.platform.security;

import com.emporium.platform.audit.SecurityEvent;
import com.emporium.platform.audit.SecurityEvents;
import com.emporium.platform.problem.Problem;
import com.emporium.platform.problem.ServletProblems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Browser mode: the session (its refresh token) lives in an HttpOnly cookie that browsers attach to
 * every request, cross-site ones included. So any unsafe request that carries it (refresh, logout, or
 * anything else, with or without an Authorization header) must prove it came from our own frontend: an
 * Origin that is this site (same scheme, host and port) or a configured origin, and the CSRF token
 * echoed in a header. An Authorization header does not exempt a request that carries the cookie: the
 * header says nothing about which page sent it, and endpoints such as refresh act on the cookie alone.
 * Requests without the cookie (API clients with bearer tokens) need neither check.
 */
public class BrowserSessionFilter extends HttpFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final java.util.regex.Pattern COOKIE_MODE = java.util.regex.Pattern.compile("(^|&)mode=cookie(&|$)");

    @Inject
    SecurityEvents events;

    private SecurityConfig config;

    @Override
    public void init() {
        config = SecurityConfig.load();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean hasSession = cookie(request, BrowserSession.REFRESH_COOKIE) != null;
        // A guest cart cookie opens the cart and its checkout as a session opens an account, so it gets
        // the same Origin check; like login, a guest has no CSRF token to echo (see docs/security.md).
        boolean hasCart = cookie(request, BrowserSession.CART_COOKIE) != null;
        boolean cookieMode = hasSession || hasCart || wantsCookies(request);
        if (cookieMode && !SAFE.contains(request.getMethod())) {
            if (!sameOrAllowedOrigin(request)) {
                refuse(
                        request,
                        response,
                        "cross-origin",
                        "Cross-origin request refused",
                        "In browser mode, unsafe requests must come from this site or a configured origin.");
                return;
            }
            // Logging in has no session and no token yet: the Origin check is its login-CSRF defence.
            if (hasSession && !csrfTokenMatches(request)) {
                refuse(
                        request,
                        response,
                        "csrf",
                        "CSRF token missing or wrong",
                        "Send the csrfToken from the login or refresh answer in the " + BrowserSession.CSRF_HEADER
                                + " header.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Login, registration and guest carts ask for browser mode with ?mode=cookie (read without touching the body). */
    private static boolean wantsCookies(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && COOKIE_MODE.matcher(query).find();
    }

    private boolean sameOrAllowedOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return false;
        }
        if (config.allows(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            // http://shop and https://shop are different origins (RFC 6454): a page served over plain
            // HTTP (or injected there by a network attacker) must not act on the HTTPS site's session.
            return uri.getScheme() != null
                    && uri.getScheme().equalsIgnoreCase(ClientAddressFilter.scheme(request))
                    && host != null
                    && originHost != null
                    && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean csrfTokenMatches(HttpServletRequest request) {
        String expected = cookie(request, BrowserSession.CSRF_COOKIE);
        String presented = request.getHeader(BrowserSession.CSRF_HEADER);
        return expected != null
                && presented != null
                && expected.length() >= 16
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String printable(String header) {
        if (header == null) {
            return null;
        }
        String clean = header.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() <= 200 ? clean : clean.substring(0, 200);
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, String slug, String title, String detail)
            throws IOException {
        String client = ClientAddress.current();
        events.publish(
                new SecurityEvent(
                        slug + ".refused",
                        SecurityEvent.actorOf(request.getUserPrincipal()),
                        request.getMethod() + " " + request.getRequestURI(),
                        "origin=" + printable(request.getHeader("Origin"))),
                client);
        ServletProblems.write(response, Problem.of(403, slug, title, detail).at(request.getRequestURI()));
    }
}
