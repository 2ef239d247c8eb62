package com.emporium.pricing;

import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A way of shipping to some countries, priced flat or by a weight table ({@code bands}: upper bound in
 * grams to amount in minor units). A cart pays the band of the lightest bound that holds its total
 * weight; a cart heavier than every bound cannot use the method. {@code freeAbove} (a subtotal after
 * discounts) makes either kind free.
 */
record ShippingMethod(
        String code, String name, long amount, Long freeAbove, String currency, NavigableMap<Integer, Long> bands) {

    ShippingMethod {
        bands = new TreeMap<>(bands);
    }

    boolean byWeight() {
        return !bands.isEmpty();
    }

    /** The price for a cart of {@code weightGrams} whose goods cost {@code discountedSubtotal}; empty if too heavy. */
    Optional<Long> priceFor(long weightGrams, long discountedSubtotal) {
        long price;
        if (byWeight()) {
            if (weightGrams > bands.lastKey()) {
                return Optional.empty();
            }
            price = bands.ceilingEntry((int) Math.max(weightGrams, 0)).getValue();
        } else {
            price = amount;
        }
        return Optional.of(freeAbove != null && discountedSubtotal >= freeAbove ? 0 : price);
    }
}
