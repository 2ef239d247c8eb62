package com.emporium.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of counting a location's shelf: the absolute number on hand. */
@Schema(examples = """
        {"onHand": 40, "reason": "Stocktake"}""")
public record StockCount(
        @NotNull @PositiveOrZero @Max(1_000_000) Integer onHand,
        @NotBlank @Size(max = 500) String reason) {}
