package com.emporium.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Adds units of a SKU; the price is never sent, it comes from the catalog. */
@Schema(examples = """
        {"sku": "TEE-RED-M", "quantity": 2}""")
public record LineRequest(
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {}
