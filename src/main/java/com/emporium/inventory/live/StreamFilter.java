package com.emporium.inventory.live;

import com.emporium.platform.problem.InvalidRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which changes a subscriber wants: everything (both sets empty), or changes of the given products or
 * SKUs. Equal filters share one channel, so a product page's many viewers cost one match per event.
 */
record StreamFilter(Set<Long> productIds, Set<String> skus) {
    static final int MAX_ITEMS = 100;

    static StreamFilter parse(List<String> products, List<String> skus) {
        Set<Long> productIds = new TreeSet<>();
        Set<String> skuSet = new TreeSet<>();
        for (String value : split(products)) {
            try {
                productIds.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new InvalidRequest("'product' takes product ids; '" + value + "' is not one.");
            }
        }
        for (String value : split(skus)) {
            if (value.length() > 64) {
                throw new InvalidRequest("SKUs are at most 64 characters.");
            }
            skuSet.add(value);
        }
        if (productIds.size() + skuSet.size() > MAX_ITEMS) {
            throw new InvalidRequest("A stream can follow at most " + MAX_ITEMS + " products and SKUs.");
        }
        return new StreamFilter(Set.copyOf(productIds), Set.copyOf(skuSet));
    }

    /** Never an event of a SKU that is not for sale: the stream is as public as the catalog, no more. */
    boolean matches(InventoryEvent event) {
        if (!event.forSale()) {
            return false;
        }
        return (productIds.isEmpty() && skus.isEmpty())
                || productIds.contains(event.productId())
                || skus.contains(event.sku());
    }

    /** Accepts repeated parameters and comma-separated lists alike. */
    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }
}
