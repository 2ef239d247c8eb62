package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvailabilityTest {
    @Test
    void levelsFollowTheLowStockThreshold() {
        assertThat(Availability.level(-1, 5)).isEqualTo(Availability.Level.OUT);
        assertThat(Availability.level(0, 5)).isEqualTo(Availability.Level.OUT);
        assertThat(Availability.level(1, 5)).isEqualTo(Availability.Level.LOW);
        assertThat(Availability.level(5, 5)).isEqualTo(Availability.Level.LOW);
        assertThat(Availability.level(6, 5)).isEqualTo(Availability.Level.IN_STOCK);
    }
}
