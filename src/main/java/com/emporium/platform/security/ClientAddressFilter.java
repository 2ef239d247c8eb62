package com.emporium.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Resolves the client address and scheme once per request (see {@link ClientAddress}); mapped early in web.xml. */
public class ClientAddressFilter extends HttpFilter {
    private static final String SCHEME = ClientAddressFilter.class.getName() + ".scheme";

    private ClientAddress clientAddress;

    /** The scheme the client used to reach the edge (http or https), behind trusted proxies too. */
    public static String scheme(HttpServletRequest request) {
        return request.getAttribute(SCHEME) instanceof String s ? s : request.getScheme();
    }

    @Override
    public void init() {
        clientAddress = new ClientAddress(SecurityConfig.load().trustedProxies());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String peer = request.getRemoteAddr();
        String outer = ClientAddress.current();
        ClientAddress.set(clientAddress.resolve(peer, request.getHeader("X-Forwarded-For")));
        request.setAttribute(
                SCHEME, clientAddress.scheme(peer, request.getScheme(), request.getHeader("X-Forwarded-Proto")));
        try {
            chain.doFilter(request, response);
        } finally {
            // An error dispatch runs inside the request that raised it: leave that request's value in place.
            if ("unknown".equals(outer)) {
                ClientAddress.clear();
            } else {
                ClientAddress.set(outer);
            }
        }
    }
}
