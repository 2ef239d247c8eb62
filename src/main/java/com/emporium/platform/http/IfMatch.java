package com.emporium.platform.http;

import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.PreconditionRequired;
import com.emporium.platform.problem.StaleVersion;
import jakarta.ws.rs.core.EntityTag;

/**
 * Versioned resources carry their JPA version as a strong ETag; writes send it back in If-Match so a
 * write based on a stale read is refused instead of silently overwriting someone else's change.
 * If-Match follows RFC 9110 §13.1.1: {@code *} matches any current version, and comparison is strong,
 * so a weak tag never matches (412, not 400).
 */
public final class IfMatch {
    /** What a write names when any current version will do: {@code If-Match: *}, or none on a DELETE. */
    public static final long ANY_VERSION = -1;

    private IfMatch() {}

    public static EntityTag tagOf(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** For updates: without If-Match a write could undo a change its author never saw (428). */
    public static long requiredVersion(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequired("Send If-Match with the ETag you read, so concurrent edits are not lost.");
        }
        return version(header);
    }

    /** For archiving: If-Match is honoured when sent; without it the current version is archived. */
    public static long optionalVersion(String header) {
        return header == null || header.isBlank() ? ANY_VERSION : version(header);
    }

    /** Whether a write naming {@code expected} may change a resource now at {@code current}. */
    public static boolean matches(long expected, long current) {
        return expected == ANY_VERSION || expected == current;
    }

    private static long version(String header) {
        String value = header.trim();
        if (value.equals("*")) {
            return ANY_VERSION;
        }
        if (value.startsWith("W/")) {
            throw new StaleVersion("If-Match compares strongly, so a weak ETag never matches (RFC 9110 §13.1.1).");
        }
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            throw new InvalidRequest("If-Match must be a quoted ETag such as \"3\", or *.");
        }
        String opaque = value.substring(1, value.length() - 1);
        if (!opaque.matches("\\d{1,18}")) {
            // Another resource's tag (or a list of several) cannot name this resource's version.
            throw new StaleVersion("If-Match does not name the current version of this resource.");
        }
        return Long.parseLong(opaque);
    }
}
