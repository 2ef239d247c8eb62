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
}
