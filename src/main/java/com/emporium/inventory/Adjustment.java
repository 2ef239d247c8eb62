package com.emporium.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction of units on hand by a delta (negative for damage or loss), with the reason. */
@Schema(examples = """
        {"location": "berlin-1", "delta": -2, "reason": "Damaged in the warehouse"}""")
public record Adjustment(
        @Size(max = 40) String location,
        @NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta,
        @NotBlank @Size(max = 500) String reason) {}
