package com.emporium.flags;

import dev.openfeature.sdk.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an OpenFeature {@link Value} into plain Java values that JSON-B writes as they were defined. */
final class FlagValues {
    private FlagValues() {}

    static Object toJava(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isStructure()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.asStructure().asMap().forEach((k, v) -> map.put(k, toJava(v)));
            return map;
        }
        if (value.isList()) {
            List<Value> list = value.asList();
            return list.stream().map(FlagValues::toJava).toList();
        }
        return value.asObject();
    }
}
