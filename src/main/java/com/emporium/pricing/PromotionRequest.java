package com.emporium.pricing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A cart-wide promotion: a percentage (1..100) or a fixed amount in minor units of {@code currency}.
 * Codes are matched case-insensitively; {@code usageLimit} counts placed orders, and
 * {@code perCustomerLimit} the orders of one customer (an account, or a guest's email).
 */
public record PromotionRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String code,

        @NotNull Discount.Kind kind,
        @NotNull @Positive @Max(100_000_000_000L) Long value,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @PositiveOrZero Long minSubtotal,
        Instant startsAt,
        Instant endsAt,
        @Positive Integer usageLimit,
        @Positive Integer perCustomerLimit) {}
