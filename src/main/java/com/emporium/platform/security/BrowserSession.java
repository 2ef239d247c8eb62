package com.emporium.platform.security;

import java.time.Duration;

/**
 * The cookie contract of browser mode. The session's refresh token and the CSRF token live in
 * {@code __Host-} cookies, pinned to this exact host, path "/" and HTTPS (RFC 6265bis 4.1.3.2), so no
 * sibling subdomain can plant or overwrite one. Both are HttpOnly: scripts receive the CSRF token in
 * the login and refresh answers and echo it in {@value #CSRF_HEADER}; the server compares it with the
 * cookie (double submit). The short-lived access token is answered in the body and kept in memory.
 */
public final class BrowserSession {
    public static final String REFRESH_COOKIE = "__Host-emporium-refresh";
    public static final String CSRF_COOKIE = "__Host-emporium-csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private BrowserSession() {}

    public static String cookie(String name, String value, Duration maxAge) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; Secure; HttpOnly; SameSite=Lax";
    }

    public static String expired(String name) {
        return name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
    }
}
