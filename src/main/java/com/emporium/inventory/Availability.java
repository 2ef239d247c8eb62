package com.emporium.inventory;

import jakarta.json.bind.annotation.JsonbNillable;

/**
 * Public availability of a SKU: a level, and the count only where the shop chose to show counts
 * (emporium.inventory.public-count).
 */
@JsonbNillable(false)
public record Availability(Level level, Integer count) {
    public enum Level {
        IN_STOCK,
        LOW,
        OUT
    }

    public static Level level(long available, int lowThreshold) {
        if (available <= 0) {
            return Level.OUT;
        }
        return available <= lowThreshold ? Level.LOW : Level.IN_STOCK;
    }
}
