package com.emporium.platform;

import java.util.Objects;
import java.util.Optional;

/**
 * A stock keeping unit's code, the name catalog, inventory, carts and orders share for one variant. At
 * most {@link #MAX_LENGTH} characters, none of them all blank, as every request that carries one says
 * ({@code @Size(max = 64)}). On the wire it stays a plain JSON string: views carry {@link #value()}.
 * SKUs order by their text, which is the order every writer locks stock rows in.
 */
public record Sku(String value) implements Comparable<Sku> {
    public static final int MAX_LENGTH = 64;

    public Sku {
        Objects.requireNonNull(value, "value");
        if (!acceptable(value)) {
            throw new IllegalArgumentException("not a SKU: at most " + MAX_LENGTH + " characters, not blank");
        }
    }

    /** A SKU from client input; empty for text that cannot be one (which no variant can then have). */
    public static Optional<Sku> parse(String value) {
        return value != null && acceptable(value) ? Optional.of(new Sku(value)) : Optional.empty();
    }

    private static boolean acceptable(String value) {
        return !value.isBlank() && value.length() <= MAX_LENGTH;
    }

    @Override
    public int compareTo(Sku other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
