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
    /**
     * Attribute numbers are what a storefront shows and filters on (sizes, weights, ratings). Fifteen
     * significant digits survive a round trip through a JavaScript number, and every whole number in range
     * fits a long.
     */
    static final int MAX_DIGITS = 15;

    static final int MAX_DECIMALS = 6;

    /** Whether a number may be stored: the rule the write path enforces, stated once. */
    static boolean storable(Number number) {
        BigDecimal value;
        try {
            value = new BigDecimal(number.toString()).stripTrailingZeros();
        } catch (NumberFormatException notFinite) {
            return false;
        }
        if (value.signum() == 0) {
            return true;
        }
        int integerDigits = value.precision() - value.scale();
        return value.precision() <= MAX_DIGITS && integerDigits <= MAX_DIGITS && value.scale() <= MAX_DECIMALS;
    }

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
            case NUMBER -> number(((JsonNumber) value).bigDecimalValue());
            case STRING -> ((JsonString) value).getString();
            default -> value.toString();
        };
    }

    /**
     * Whole numbers that fit a long read as Long, anything else as BigDecimal. Never throws: rows written
     * before the write path checked ranges (1e19, 1e300) must still load, or the product cannot be edited.
     */
    static Object number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        boolean whole = stripped.scale() <= 0;
        if (whole && stripped.precision() - stripped.scale() <= 18) {
            return stripped.longValueExact();
        }
        return value;
    }
}
