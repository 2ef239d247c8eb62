package com.emporium.loyalty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A staff correction of an account's points: positive grants a lot, negative takes points away. */
@Schema(examples = """
        {"points": 500, "reason": "Goodwill for a late delivery"}""")
public record Adjustment(
        @NotNull @Min(-1_000_000_000L) @Max(1_000_000_000L) Long points,
        @NotBlank @Size(max = 500) String reason) {}
