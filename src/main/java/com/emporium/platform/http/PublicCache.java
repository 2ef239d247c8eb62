package com.emporium.platform.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Public, cacheable reads. The body is serialised once, its hash is the ETag (the same on every
 * replica), and a matching If-None-Match gets 304 without a body.
 */
public final class PublicCache {
    private static final Jsonb JSONB = JsonbBuilder.create();

    private PublicCache() {}

    /** A serialised body and its ETag: what a response cache keeps and what every response is built from. */
    public record Representation(byte[] body, String etag) {}

    public static Representation represent(Object view) {
        byte[] body = JSONB.toJson(view).getBytes(StandardCharsets.UTF_8);
        return new Representation(body, hash(body));
    }

    public static Response ok(HttpHeaders headers, Object view, int maxAgeSeconds) {
        return ok(headers, represent(view), maxAgeSeconds);
    }

    public static Response ok(HttpHeaders headers, Representation representation, int maxAgeSeconds) {
        EntityTag tag = new EntityTag(representation.etag());
        String cache = "public, max-age=" + maxAgeSeconds;
        if (IfNoneMatch.matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag.getValue())) {
            return Response.notModified(tag)
                    .header(HttpHeaders.CACHE_CONTROL, cache)
                    .build();
        }
        return Response.ok(representation.body(), MediaType.APPLICATION_JSON_TYPE)
                .tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, cache)
                .build();
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
