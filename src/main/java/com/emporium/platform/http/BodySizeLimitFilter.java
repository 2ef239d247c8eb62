package com.emporium.platform.http;

import com.emporium.platform.problem.RequestBodyTooLarge;
import com.emporium.platform.problem.ServletProblems;
import com.emporium.platform.problem.StatusProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Limits request bodies to emporium.http.max-body-bytes (default 1 MiB), answering 413. A declared
 * Content-Length over the limit is refused before anything is read; every other body (chunked, or
 * with any combination of transfer codings) is counted as it is read, and reading past the limit
 * fails. The headers only decide how early the refusal comes, never whether it comes.
 */
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
        if (request.getContentLengthLong() > maxBytes) {
            ServletProblems.write(response, StatusProblems.forStatus(413).at(request.getRequestURI()));
            return;
        }
        chain.doFilter(new CountedBody(request, maxBytes), response);
    }

    /** The request with a body stream that fails once more than the limit has been read. */
    private static final class CountedBody extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;
        private BufferedReader reader;

        CountedBody(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called");
            }
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called");
            }
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(
                        new InputStreamReader(new CountingStream(super.getInputStream(), maxBytes), charset));
            }
            return reader;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLarge {
            read += n;
            if (read > maxBytes) {
                throw new RequestBodyTooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
