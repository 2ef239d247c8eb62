package com.emporium.pricing;

import java.time.Instant;
import java.util.List;

/** A promotion as staff see it; categories by slug, SKUs sorted. */
public record PromotionView(
        long id,
        String code,
        String name,
        boolean automatic,
        String kind,
        long value,
        String currency,
        long minSubtotal,
        Instant startsAt,
        Instant endsAt,
        Integer usageLimit,
        int used,
        boolean active,
        Integer perCustomerLimit,
        String scope,
        List<String> categories,
        List<String> skus) {
    static PromotionView from(PricingRepository.Promotion p) {
        return new PromotionView(
                p.id(),
                p.code(),
                p.name(),
                p.automatic(),
                p.discount().kind().name(),
                p.discount().value(),
                p.currency(),
                p.minSubtotal(),
                p.startsAt(),
                p.endsAt(),
                p.usageLimit(),
                p.used(),
                p.active(),
                p.perCustomerLimit(),
                p.scope().name(),
                p.categorySlugs(),
                p.skus().stream().sorted().toList());
    }
}
