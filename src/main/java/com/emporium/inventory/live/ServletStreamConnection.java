package com.emporium.inventory.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A stream written straight to the servlet's non-blocking output. The JAX-RS SSE sink renders, queues
 * and flushes each event separately per subscriber; here every subscriber gets the same pre-rendered
 * bytes, and whatever is pending for one client goes out in one write and one flush.
 */
final class ServletStreamConnection implements StreamConnection, WriteListener, AsyncListener {
    private static final Logger LOG = Logger.getLogger(ServletStreamConnection.class.getName());

    private final AsyncContext async;
    private final ServletOutputStream out;
    private volatile StreamSubscriber subscriber;

    private ServletStreamConnection(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /**
     * Takes over a request the JAX-RS runtime has suspended: an open-ended 200 with an event stream,
     * whose head and first comment are written and flushed here, on the request's own thread. The
     * container does not send a head first committed by a non-blocking flush after the request's
     * thread has left the resource, so the head must not wait for the first event.
     */
    static ServletStreamConnection open(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AsyncContext async = request.isAsyncStarted() ? request.getAsyncContext() : request.startAsync();
        async.setTimeout(0); // open until the client or the server ends it; heartbeats find dead clients
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        ServletOutputStream out = response.getOutputStream();
        out.write(StreamEvents.comment("stream")); // a few bytes into an empty socket buffer: no wait
        out.flush();
        return new ServletStreamConnection(async, out);
    }

    @Override
    public void start(StreamSubscriber subscriber) {
        this.subscriber = subscriber;
        try {
            async.addListener(this);
            out.setWriteListener(this);
        } catch (IllegalStateException e) {
            subscriber.failed(e); // the client left, or the server is stopping, before the stream went live
        }
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "The stream was already complete", e);
        }
    }

    @Override
    public void onWritePossible() {
        subscriber.writable();
    }

    @Override
    public void onError(Throwable error) {
        subscriber.failed(error);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        subscriber.failed(null);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        subscriber.failed(event.getThrowable());
    }

    @Override
    public void onError(AsyncEvent event) {
        subscriber.failed(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not restarted: the stream stays in the one asynchronous cycle it was opened in.
    }
}
