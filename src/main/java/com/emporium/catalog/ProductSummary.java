package com.emporium.catalog;

import com.emporium.platform.Money;
import java.time.Instant;

/**
 * A product as the list endpoint shows it: enough for a product card. {@code inStock} means what the
 * detail page's availability means: at least one live variant has units free to sell now (any level
 * but {@code OUT}), read when the page is read.
 */
public record ProductSummary(
        long id,
        String slug,
        String name,
        String category,
        Money priceFrom,
        String image,
        Instant createdAt,
        boolean inStock) {}
