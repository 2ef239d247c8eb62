package com.emporium.platform.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON-B instance every resource reads and writes with. A JAX-RS runtime asks this resolver before
 * building its own, so request records written later inherit the same strictness without doing anything.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {
    /** Yasson's switch for refusing properties a class does not declare (off by default in JSON-B). */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Jsonb JSONB = create();

    static Jsonb create() {
        return JsonbBuilder.create(new JsonbConfig()
                .withDeserializers(
                        new WholeNumbers.Bytes(),
                        new WholeNumbers.Shorts(),
                        new WholeNumbers.Integers(),
                        new WholeNumbers.Longs())
                .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
