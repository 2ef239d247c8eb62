package com.emporium.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Checkout: which cart, who to tell, where to ship and how, and how many loyalty points to spend
 * (signed-in customers; absent means none). Prices are never part of it.
 */
@Schema(examples = """
        {"cartId": "3f1c2a9e-8b7d-4c6e-9a51-2d0f7e4b6c13", "email": "ada@example.com", "shippingAddress": {"name": "Ada Lovelace", "line1": "12 Example Street", "city": "Berlin", "postalCode": "10115", "country": "DE"}, "shippingMethod": "standard", "points": 0}""")
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
