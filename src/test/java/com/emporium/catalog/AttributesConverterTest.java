package com.emporium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesConverterTest {
    private final AttributesConverter converter = new AttributesConverter();

    @Test
    void keepsTheTypesOfScalarValues() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("color", "red");
        attributes.put("size", 42L);
        attributes.put("weight", new BigDecimal("1.25"));
        attributes.put("organic", true);
        Object json = converter.convertToDatabaseColumn(attributes);
        assertThat(json).isEqualTo("{\"color\":\"red\",\"size\":42,\"weight\":1.25,\"organic\":true}");
        assertThat(converter.convertToEntityAttribute(json)).isEqualTo(attributes);
    }

    @Test
    void anEmptyColumnIsAnEmptyMap() {
        assertThat(converter.convertToEntityAttribute(null)).isEmpty();
        assertThat(converter.convertToEntityAttribute("{}")).isEmpty();
    }

    @Test
    void storedNumbersOfAnySizeReadBackWithoutFailing() {
        Map<String, Object> read = converter.convertToEntityAttribute(
                "{\"a\":1e19,\"b\":12345678901234567890,\"c\":1e300,\"d\":7,\"e\":2.50}");
        assertThat(read.get("a")).isEqualTo(new BigDecimal("1e19"));
        assertThat(read.get("b")).isEqualTo(new BigDecimal("12345678901234567890"));
        assertThat(read.get("c")).isEqualTo(new BigDecimal("1e300"));
        assertThat(read.get("d")).isEqualTo(7L);
        assertThat(read.get("e")).isEqualTo(new BigDecimal("2.50"));
    }

    @Test
    void onlyNumbersThatReadBackExactlyMayBeStored() {
        assertThat(AttributesConverter.storable(new BigDecimal("999999999999999")))
                .isTrue();
        assertThat(AttributesConverter.storable(new BigDecimal("-0.000001"))).isTrue();
        assertThat(AttributesConverter.storable(new BigDecimal("12.50"))).isTrue();
        assertThat(AttributesConverter.storable(new BigDecimal("1000000000000000")))
                .isFalse();
        assertThat(AttributesConverter.storable(new BigDecimal("1e19"))).isFalse();
        assertThat(AttributesConverter.storable(new BigDecimal("1e300"))).isFalse();
        assertThat(AttributesConverter.storable(new BigDecimal("0.0000001"))).isFalse();
        assertThat(AttributesConverter.storable(Double.NaN)).isFalse();
    }
}
