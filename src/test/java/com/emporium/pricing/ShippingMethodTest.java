package com.emporium.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ShippingMethodTest {
    private static final ShippingMethod PARCEL = new ShippingMethod(
            "parcel", "Parcel", 0, null, "EUR", new TreeMap<>(Map.of(1000, 390L, 5000, 690L, 31500, 1990L)));

    @Test
    void aCartPaysTheLightestBandThatHoldsItsWeight() {
        assertThat(PARCEL.priceFor(0, 100)).contains(390L);
        assertThat(PARCEL.priceFor(1000, 100)).as("a bound belongs to its band").contains(390L);
        assertThat(PARCEL.priceFor(1001, 100)).contains(690L);
        assertThat(PARCEL.priceFor(5001, 100)).contains(1990L);
        assertThat(PARCEL.priceFor(31500, 100)).contains(1990L);
    }

    @Test
    void aCartHeavierThanTheLastBandCannotUseTheMethod() {
        assertThat(PARCEL.priceFor(31501, 100)).isEmpty();
        assertThat(PARCEL.priceFor(Long.MAX_VALUE, 100)).isEmpty();
    }

    @Test
    void freeAboveAppliesToWeightAndFlatMethodsAlike() {
        ShippingMethod freeParcel =
                new ShippingMethod("parcel", "Parcel", 0, 5000L, "EUR", new TreeMap<>(Map.of(1000, 390L)));
        assertThat(freeParcel.priceFor(800, 4999)).contains(390L);
        assertThat(freeParcel.priceFor(800, 5000)).contains(0L);
        assertThat(freeParcel.priceFor(1200, 5000))
                .as("too heavy stays unavailable, free or not")
                .isEmpty();

        ShippingMethod flat = new ShippingMethod("flat", "Flat", 490, 5000L, "EUR", new TreeMap<>());
        assertThat(flat.byWeight()).isFalse();
        assertThat(flat.priceFor(999_999, 4999)).isEqualTo(Optional.of(490L));
        assertThat(flat.priceFor(999_999, 5000)).isEqualTo(Optional.of(0L));
    }
}
