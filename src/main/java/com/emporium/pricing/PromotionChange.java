package com.emporium.pricing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change to a promotion: fields left out stay as they are. {@code active: false} ends it at once
 * (its code then no longer applies; orders placed with it keep their discount) and {@code true}
 * resumes it. What a promotion is (its code, kind, currency, scope, and whether it is automatic)
 * cannot change: a printed coupon code or a percentage read as an amount would mean something else
 * to the customers and reports that already know it, so such a change is a new promotion.
 */
@Schema(examples = """
        {"value": 15, "endsAt": "2026-12-31T23:00:00Z", "usageLimit": 500}""")
public record PromotionChange(
        @Size(min = 1, max = 100) String name,
        @Positive @Max(100_000_000_000L) Long value,
        @PositiveOrZero Long minSubtotal,
        Instant startsAt,
        Instant endsAt,
        @Positive Integer usageLimit,
        @Positive Integer perCustomerLimit,
        Boolean active) {}
