package com.emporium.catalog;

import com.emporium.platform.Money;
import java.time.Instant;

/** A product as the list endpoint shows it: enough for a product card. */
public record ProductSummary(
        long id, String slug, String name, String category, Money priceFrom, String image, Instant createdAt) {}
