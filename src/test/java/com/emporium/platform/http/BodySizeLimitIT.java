package com.emporium.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.RawHttp;
import com.emporium.testsupport.Tokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The body limit (1 MiB on the test servers) holds on the bytes actually read, whatever the framing
 * headers claim: chunked alone, chunked after another coding, or chunked followed by identity.
 */
class BodySizeLimitIT {
    private static final int TWO_MIB = 2 * 1024 * 1024;

    /** A valid category whose JSON is padded with whitespace, so only its size is wrong. */
    private static byte[] category(String slug, int padding) {
        return ("{\"slug\":\"" + slug + "\",\"name\":\"Edge\"" + " ".repeat(padding) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static RawHttp.Answer postChunked(String transferEncoding, byte[] json) throws Exception {
        String head = "POST /api/v1/admin/categories HTTP/1.1\r\nHost: localhost:"
                + URI.create(Api.BASE_URL).getPort()
                + "\r\nAuthorization: Bearer " + Tokens.withRoles("admin")
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nTransfer-Encoding: "
                + transferEncoding;
        return RawHttp.exchange(head, RawHttp.chunked(json, 64 * 1024).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean categoryExists(String slug) {
        return Api.anonymous().get("/api/v1/categories").asString().contains("\"" + slug + "\"");
    }

    @Test
    void oversizedBodiesAre413WhateverTheTransferEncodingSays() throws Exception {
        for (String encoding : new String[] {"chunked", "gzip, chunked", "chunked, identity"}) {
            String slug = Api.unique("oversized");
            RawHttp.Answer answer = postChunked(encoding, category(slug, TWO_MIB));
            assertThat(answer.status()).as(encoding).isEqualTo(413);
            assertThat(answer.header("Content-Type")).as(encoding).startsWith("application/problem+json");
            assertThat(answer.body()).as(encoding).contains("/problems/payload-too-large");
            assertThat(categoryExists(slug))
                    .as(encoding + ": nothing was created")
                    .isFalse();
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAccepted() throws Exception {
        String slug = Api.unique("chunked");
        RawHttp.Answer answer = postChunked("chunked", category(slug, 1000));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(categoryExists(slug)).isTrue();
    }
}
