package com.emporium.platform.http;

import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.PreconditionRequired;
import jakarta.ws.rs.core.EntityTag;

/**
 * Versioned resources carry their JPA version as a strong ETag; writes must send it back in If-Match
 * so a write based on a stale read is refused instead of silently overwriting someone else's change.
 */
public final class IfMatch {
    private IfMatch() {}

    public static EntityTag tagOf(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static long requiredVersion(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequired("Send If-Match with the ETag you read, so concurrent edits are not lost.");
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            throw new InvalidRequest("If-Match needs the strong ETag this resource sent.");
        }
        if (value.length() < 3 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            throw new InvalidRequest("If-Match must be a quoted ETag such as \"3\".");
        }
        try {
            return Long.parseLong(value.substring(1, value.length() - 1));
        } catch (NumberFormatException e) {
            throw new InvalidRequest("If-Match does not name a version of this resource.");
        }
    }
}
