package com.emporium.platform.security;

import java.time.Duration;

/**
 * The cookie contract of browser mode. The session's refresh token and the CSRF token live in
 * {@code __Host-} cookies, pinned to this exact host, path "/" and HTTPS (RFC 6265bis 4.1.3.2), so no
 * sibling subdomain can plant or overwrite one. The refresh cookie is HttpOnly. The CSRF cookie is
 * not: a page that was reloaded has lost the token it got in the login or refresh answer and reads it
 * back from the cookie, then echoes it in {@value #CSRF_HEADER}; the server compares the two (double
 * submit). Reading it gains an attacker's script nothing, since such a script could already send
 * requests from the page. The short-lived access token is answered in the body and kept in memory.
 */
public final class BrowserSession {
    public static final String REFRESH_COOKIE = "__Host-emporium-refresh";
    public static final String CSRF_COOKIE = "__Host-emporium-csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /**
     * A guest cart's token in browser mode ({@code POST /api/v1/carts?mode=cookie}). HttpOnly like the
     * refresh cookie: the token is the guest's only key to the cart and its checkout, so no script reads it.
     */
    public static final String CART_COOKIE = "__Host-emporium-cart";

    private BrowserSession() {}

    public static String cookie(String name, String value, Duration maxAge) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds() + attributes(name);
    }

    public static String expired(String name) {
        return name + "=; Path=/; Max-Age=0" + attributes(name);
    }

    private static String attributes(String name) {
        return CSRF_COOKIE.equals(name) ? "; Secure; SameSite=Lax" : "; Secure; HttpOnly; SameSite=Lax";
    }
}
