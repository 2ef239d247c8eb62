package com.emporium.platform.http;

import com.emporium.platform.problem.ServletProblems;
import com.emporium.platform.problem.StatusProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses request bodies over emporium.http.max-body-bytes (default 1 MiB) with 413 before anything
 * reads them. Bodies sent without a length are refused too: no API call needs streaming uploads.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BodySizeLimitFilter extends HttpFilter {
    private long maxBytes;

    @Override
    public void init() {
        maxBytes = ConfigProvider.getConfig()
                .getOptionalValue("emporium.http.max-body-bytes", Long.class)
                .orElse(1_048_576L);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || (chunked && length < 0)) {
            ServletProblems.write(response, StatusProblems.forStatus(413).at(request.getRequestURI()));
            return;
        }
        chain.doFilter(request, response);
    }
}
