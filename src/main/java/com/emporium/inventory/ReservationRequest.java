package com.emporium.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Units to hold for a checkout: all lines or none. */
@Schema(examples = """
        {"lines": [{"sku": "TEE-RED-M", "quantity": 2}]}""")
public record ReservationRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {
    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive @Max(10_000) Integer quantity) {}
}
