package com.emporium.pricing;

import java.time.Instant;

public record PromotionView(
        long id,
        String code,
        String kind,
        long value,
        String currency,
        long minSubtotal,
        Instant startsAt,
        Instant endsAt,
        Integer usageLimit,
        int used,
        boolean active,
        Integer perCustomerLimit) {
    static PromotionView from(PricingRepository.Promotion p) {
        return new PromotionView(
                p.id(),
                p.code(),
                p.discount().kind().name(),
                p.discount().value(),
                p.currency(),
                p.minSubtotal(),
                p.startsAt(),
                p.endsAt(),
                p.usageLimit(),
                p.used(),
                p.active(),
                p.perCustomerLimit());
    }
}
