package com.emporium.platform.http;

import com.emporium.platform.problem.Problem;
import com.emporium.platform.problem.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Answers 414 URI Too Long (RFC 9110, section 15.5.15) as a problem when the request target is longer
 * than emporium.http.max-uri-bytes (default 8 KiB). The HTTP channel's own limit (limitFieldSize in
 * server.xml) is set well above this one so that such requests reach the application and get a body
 * instead of the channel's bare 400.
 */
public class RequestLineLimitFilter extends HttpFilter {
    private int maxBytes;

    @Override
    public void init() {
        maxBytes = ConfigProvider.getConfig()
                .getOptionalValue("emporium.http.max-uri-bytes", Integer.class)
                .orElse(8192);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        // The raw URI and query are ASCII on the wire (RFC 3986), so their length is their size in bytes.
        long length = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1L);
        if (length > maxBytes) {
            ServletProblems.write(
                    response,
                    Problem.of(
                                    414,
                                    "uri-too-long",
                                    "URI too long",
                                    "The request target is longer than " + maxBytes
                                            + " bytes; send large inputs in a request body.")
                            .at(request.getContextPath() + "/"));
            return;
        }
        chain.doFilter(request, response);
    }
}
