package com.emporium.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TierTest {
    private static final Map<String, Long> SILVER = Map.of("EUR", 50_000L, "USD", 55_000L);
    private static final Map<String, Long> GOLD = Map.of("EUR", 150_000L, "USD", 165_000L);

    @Test
    void eachCurrencyIsComparedWithItsOwnThresholds() {
        assertThat(Tier.reached(Map.of("EUR", 49_999L), SILVER, GOLD)).isEqualTo(Tier.BRONZE);
        assertThat(Tier.reached(Map.of("EUR", 50_000L), SILVER, GOLD)).isEqualTo(Tier.SILVER);
        assertThat(Tier.reached(Map.of("USD", 50_000L), SILVER, GOLD)).isEqualTo(Tier.BRONZE);
        assertThat(Tier.reached(Map.of("USD", 165_000L), SILVER, GOLD)).isEqualTo(Tier.GOLD);
    }

    @Test
    void spendInDifferentCurrenciesIsNeverAddedUpAndTheBestCurrencyCounts() {
        assertThat(Tier.reached(Map.of("EUR", 40_000L, "USD", 40_000L), SILVER, GOLD))
                .isEqualTo(Tier.BRONZE);
        assertThat(Tier.reached(Map.of("EUR", 150_000L, "USD", 60_000L), SILVER, GOLD))
                .isEqualTo(Tier.GOLD);
    }

    @Test
    void aCurrencyWithoutThresholdsNeverLiftsTheTierAndRefundsCanMakeSpendNegative() {
        assertThat(Tier.reached(Map.of("JPY", 10_000_000L), SILVER, GOLD)).isEqualTo(Tier.BRONZE);
        assertThat(Tier.reached(Map.of("EUR", -5_000L), SILVER, GOLD)).isEqualTo(Tier.BRONZE);
    }
}
