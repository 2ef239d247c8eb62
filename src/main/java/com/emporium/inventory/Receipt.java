package com.emporium.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Goods arrived at a location (the default location when none is named). */
@Schema(examples = """
        {"location": "berlin-1", "quantity": 24, "reason": "Delivery from the supplier"}""")
public record Receipt(
        @Size(max = 40) String location,
        @NotNull @Positive @Max(1_000_000) Integer quantity,
        @NotBlank @Size(max = 500) String reason) {}
