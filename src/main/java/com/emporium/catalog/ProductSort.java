package com.emporium.catalog;

import com.emporium.platform.problem.InvalidRequest;
import java.util.Arrays;

/**
 * The public sort orders. Each ends with the product id so that the order is total, which is what
 * makes keyset pages free of gaps and duplicates while the catalog changes underneath.
 */
enum ProductSort {
    RELEVANCE("relevance", "rank DESC, id DESC", "(rank, id) < (CAST(? AS real), ?)"),
    NEWEST("newest", "created_at DESC, id DESC", "(created_at, id) < (CAST(? AS timestamptz), ?)"),
    PRICE_ASC("price", "price_from ASC, id ASC", "(price_from, id) > (?, ?)"),
    PRICE_DESC("-price", "price_from DESC, id DESC", "(price_from, id) < (?, ?)"),
    /** The ICU root collation orders names as people read them ("apple" before "Banana"); see V7. */
    NAME(
            "name",
            "name COLLATE \"und-x-icu\" ASC, id ASC",
            "(name COLLATE \"und-x-icu\", id) > (CAST(? AS varchar) COLLATE \"und-x-icu\", ?)");

    final String param;
    final String orderBy;
    final String after;

    ProductSort(String param, String orderBy, String after) {
        this.param = param;
        this.orderBy = orderBy;
        this.after = after;
    }

    static ProductSort parse(String value, boolean searching) {
        if (value == null || value.isBlank()) {
            return searching ? RELEVANCE : NEWEST;
        }
        ProductSort sort = Arrays.stream(values())
                .filter(s -> s.param.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidRequest(
                        "Unknown sort '" + value + "'; use relevance, newest, price, -price or name."));
        if (sort == RELEVANCE && !searching) {
            throw new InvalidRequest("Sorting by relevance needs a search query (q).");
        }
        return sort;
    }
}
