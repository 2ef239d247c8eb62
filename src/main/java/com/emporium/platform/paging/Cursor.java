package com.emporium.platform.paging;

import com.emporium.platform.problem.InvalidRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset position: the sort it belongs to and the sort-key values of the last row served.
 * Clients pass it back untouched; a cursor of another sort, or one that was edited, is a 400.
 */
public record Cursor(String sort, List<String> keys) {

    public String encode() {
        JsonArrayBuilder array = Json.createArrayBuilder().add(sort);
        keys.forEach(array::add);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(array.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor that must carry {@code expectedKeys} keys and one of the accepted sort names. */
    public static Cursor decode(String token, int expectedKeys, String... acceptedSorts) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            JsonArray array;
            try (var reader = Json.createReader(new StringReader(json))) {
                array = reader.readArray();
            }
            List<String> values = array.stream()
                    .map(v -> v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString() : null)
                    .toList();
            if (values.size() != expectedKeys + 1 || values.contains(null)) {
                throw new InvalidRequest("The cursor is not one this API issued.");
            }
            if (!java.util.Arrays.asList(acceptedSorts).contains(values.get(0))) {
                throw new InvalidRequest("The cursor belongs to another sort order; start again without a cursor.");
            }
            return new Cursor(values.get(0), values.subList(1, values.size()));
        } catch (IllegalArgumentException | jakarta.json.JsonException e) {
            throw new InvalidRequest("The cursor is not one this API issued.");
        }
    }
}
