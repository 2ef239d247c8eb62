package com.emporium.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Resolves the client address once per request (see {@link ClientAddress}); mapped first in web.xml. */
public class ClientAddressFilter extends HttpFilter {
    private ClientAddress clientAddress;

    @Override
    public void init() {
        clientAddress = new ClientAddress(SecurityConfig.load().trustedProxies());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ClientAddress.set(clientAddress.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
        try {
            chain.doFilter(request, response);
        } finally {
            ClientAddress.clear();
        }
    }
}
