package com.emporium.inventory.live;

import java.io.IOException;

/**
 * The non-blocking output of one open stream. Only the subscriber's current writer calls
 * {@link #write}, {@link #flush} and {@link #isReady}; when {@link #isReady} has answered false, the
 * connection calls the subscriber's {@code writable()} once the client has taken what was written.
 */
interface StreamConnection {
    /** Starts non-blocking output; the first {@code writable()} call follows as soon as writing may begin. */
    void start(StreamSubscriber subscriber);

    boolean isReady();

    void write(byte[] bytes) throws IOException;

    void flush() throws IOException;

    /** Ends the response; never waits for the client. */
    void close();
}
