package com.emporium.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Checkout: which cart, who to tell, where to ship and how, and how many loyalty points to spend
 * (signed-in customers; absent means none). Prices are never part of it.
 */
public record PlaceOrder(
        @NotBlank @Size(max = 36) String cartId,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Valid Address shippingAddress,

        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 40)
        String shippingMethod,

        @Min(0) @Max(1_000_000_000L) Long points) {

    long pointsToRedeem() {
        return points == null ? 0 : points;
    }
}
