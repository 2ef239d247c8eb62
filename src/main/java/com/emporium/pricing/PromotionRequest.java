package com.emporium.pricing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A promotion: a percentage (1..100) or a fixed amount in minor units of {@code currency}, taken off the
 * lines its {@code scope} covers (the whole cart by default, the {@code categories} given by slug with
 * their subtrees, or the {@code skus}). A coupon has a {@code code}, matched case-insensitively; an
 * {@code automatic} promotion has none and applies whenever its conditions hold. {@code usageLimit}
 * counts placed orders, and {@code perCustomerLimit} the orders of one customer (an account, or a
 * guest's email).
 */
@Schema(examples = """
        {"code": "SOCKS5", "kind": "FIXED", "value": 500, "currency": "EUR", "scope": "SKUS",
         "skus": ["SOCK-RED", "SOCK-BLUE"], "usageLimit": 100}""")
public record PromotionRequest(
        @Size(min = 1, max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String code,

        @Size(min = 1, max = 100) String name,
        Boolean automatic,
        @NotNull Discount.Kind kind,
        @NotNull @Positive @Max(100_000_000_000L) Long value,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @PositiveOrZero Long minSubtotal,
        Instant startsAt,
        Instant endsAt,
        @Positive Integer usageLimit,
        @Positive Integer perCustomerLimit,
        PromotionScope scope,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 120) String> categories,
        @Size(max = 100) List<@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String> skus) {}
