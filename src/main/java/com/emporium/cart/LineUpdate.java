package com.emporium.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sets a line's quantity. */
@Schema(examples = """
        {"quantity": 3}""")
public record LineUpdate(
        @NotNull @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {}
