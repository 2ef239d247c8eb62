package com.emporium.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Sets a line's quantity. */
public record LineUpdate(
        @NotNull @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {}
