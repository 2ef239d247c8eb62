package com.emporium.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id for correlating logs: the caller's {@code X-Request-Id} when it is a sane
 * token, a fresh UUID otherwise. It is echoed on the response (the access log records it from there)
 * and kept for the request's thread so application log lines can quote it.
 */
public class RequestIdFilter extends HttpFilter {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The id of the request this thread is serving, or "-" outside a request. */
    public static String current() {
        String id = CURRENT.get();
        return id == null ? "-" : id;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String offered = request.getHeader(HEADER);
        // An error dispatch inside a request keeps the id that request was already given.
        String assigned = response.getHeader(HEADER);
        String id = assigned != null
                ? assigned
                : offered != null && ACCEPTED.matcher(offered).matches()
                        ? offered
                        : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        String outer = CURRENT.get();
        CURRENT.set(id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
