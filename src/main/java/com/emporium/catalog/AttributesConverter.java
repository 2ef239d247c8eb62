package com.emporium.catalog;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variant attributes as a flat JSON object of strings, numbers and booleans. The column is JSONB; the
 * data source sends strings untyped so PostgreSQL casts this text on insert.
 */
@Converter
public class AttributesConverter implements AttributeConverter<Map<String, Object>, Object> {

    @Override
    public Object convertToDatabaseColumn(Map<String, Object> attributes) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (attributes != null) {
            attributes.forEach((name, value) -> add(json, name, value));
        }
        return json.build().toString();
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(Object column) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        // The driver hands JSONB back as its own PGobject, whose text is the JSON.
        String json = column == null ? "" : column.toString();
        if (json.isBlank()) {
            return attributes;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> attributes.put(name, fromJson(value)));
        }
        return attributes;
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value instanceof Boolean b) {
            json.add(name, b);
        } else if (value instanceof Long || value instanceof Integer) {
            json.add(name, ((Number) value).longValue());
        } else if (value instanceof Number n) {
            json.add(name, new BigDecimal(n.toString()));
        } else {
            json.add(name, String.valueOf(value));
        }
    }

    private static Object fromJson(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral() ? (Object) number.longValueExact() : number.bigDecimalValue();
            }
            case STRING -> ((JsonString) value).getString();
            default -> value.toString();
        };
    }
}
