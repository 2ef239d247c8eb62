package com.emporium.platform.problem;

import java.io.IOException;

/**
 * Thrown by the request stream when a body grows past the configured limit while being read. It is an
 * IOException because that is all a stream may throw; the mappers find it in whatever the body reader
 * wrapped it in and answer 413.
 */
public class RequestBodyTooLarge extends IOException {
    public RequestBodyTooLarge(long maxBytes) {
        super("Request body exceeds " + maxBytes + " bytes");
    }

    static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLarge) {
                return true;
            }
        }
        return false;
    }
}
