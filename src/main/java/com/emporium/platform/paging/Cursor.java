package com.emporium.platform.paging;

import com.emporium.platform.problem.InvalidRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An opaque keyset position: the sort it belongs to and the sort-key values of the last row served.
 * It is signed together with the scope it was issued for (the list's filters), so a cursor that was
 * edited, or carried over to another query, is a 400 instead of a page of the wrong list.
 */
public record Cursor(String sort, List<String> keys) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** 128 bits of HMAC-SHA256 are plenty against guessing and keep the cursor short. */
    private static final int SIGNATURE_BYTES = 16;

    private static final String NOT_ISSUED = "The cursor is not one this API issued.";

    public String encode(byte[] secret, String scope) {
        JsonArrayBuilder array = Json.createArrayBuilder().add(sort);
        keys.forEach(array::add);
        byte[] payload = array.build().toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(secret, scope, payload));
    }

    /**
     * Reads a cursor that must carry {@code expectedKeys} keys and one of the accepted sort names, and
     * must have been issued for this {@code scope} with this secret.
     */
    public static Cursor decode(String token, byte[] secret, String scope, int expectedKeys, String... acceptedSorts) {
        try {
            int dot = token.indexOf('.');
            if (dot < 0) {
                throw new InvalidRequest(NOT_ISSUED);
            }
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            JsonArray array;
            try (var reader = Json.createReader(new StringReader(new String(payload, StandardCharsets.UTF_8)))) {
                array = reader.readArray();
            }
            List<String> values = array.stream()
                    .map(v -> v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString() : null)
                    .toList();
            if (values.size() != expectedKeys + 1 || values.contains(null)) {
                throw new InvalidRequest(NOT_ISSUED);
            }
            if (!Arrays.asList(acceptedSorts).contains(values.get(0))) {
                throw new InvalidRequest("The cursor belongs to another sort order; start again without a cursor.");
            }
            if (!MessageDigest.isEqual(signature, sign(secret, scope, payload))) {
                throw new InvalidRequest(
                        "The cursor was changed or belongs to other filters; start again without a cursor.");
            }
            return new Cursor(values.get(0), values.subList(1, values.size()));
        } catch (IllegalArgumentException | jakarta.json.JsonException e) {
            throw new InvalidRequest(NOT_ISSUED);
        }
    }

    private static byte[] sign(byte[] secret, String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
