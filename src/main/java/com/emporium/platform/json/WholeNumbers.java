package com.emporium.platform.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.function.LongFunction;

/**
 * Strict readers for whole-number fields. JSON-B's defaults narrow silently ({@code 19.99} becomes 19,
 * {@code 4294967301} wraps to 5 in an int), which changes money and stock without anyone noticing; these
 * accept a JSON number only when the field's type holds it exactly ({@code 2}, {@code 2.0} and
 * {@code 2e0} are the same number), and refuse strings, fractions and values out of range.
 *
 * <p>They apply to the wrapper types only: request records use {@code Integer}, {@code Long} ... so that a
 * missing field is null (and refused by {@code @NotNull}) instead of a silent 0.
 */
abstract class WholeNumbers<T extends Number> {
    // One concrete class per type: JSON-B picks a deserializer by the type argument it implements.
    static final class Bytes extends WholeNumbers<Byte> implements JsonbDeserializer<Byte> {
        Bytes() {
            super(Byte.MIN_VALUE, Byte.MAX_VALUE, v -> (byte) v);
        }
    }

    static final class Shorts extends WholeNumbers<Short> implements JsonbDeserializer<Short> {
        Shorts() {
            super(Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v);
        }
    }

    static final class Integers extends WholeNumbers<Integer> implements JsonbDeserializer<Integer> {
        Integers() {
            super(Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) v);
        }
    }

    static final class Longs extends WholeNumbers<Long> implements JsonbDeserializer<Long> {
        Longs() {
            super(Long.MIN_VALUE, Long.MAX_VALUE, v -> v);
        }
    }

    /** More integer digits than any long has (19) means out of range, decided before any big arithmetic. */
    private static final int MAX_INTEGER_DIGITS = 19;

    private final long min;
    private final long max;
    private final LongFunction<T> box;

    private WholeNumbers(long min, long max, LongFunction<T> box) {
        this.min = min;
        this.max = max;
        this.box = box;
    }

    public T deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw refused();
        }
        return box.apply(exact(number.bigDecimalValue()));
    }

    /** The exact value, or a refusal; never rounds. Guards the digit count so 1e999999999 costs nothing. */
    long exact(BigDecimal number) {
        if (number.signum() != 0 && number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            throw refused();
        }
        long whole;
        try {
            whole = number.longValueExact();
        } catch (ArithmeticException fractionOrTooLarge) {
            throw refused();
        }
        if (whole < min || whole > max) {
            throw refused();
        }
        return whole;
    }

    private UnrepresentableNumber refused() {
        return new UnrepresentableNumber("must be a whole number from " + min + " to " + max);
    }
}
