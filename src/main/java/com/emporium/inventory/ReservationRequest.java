package com.emporium.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Units to hold for a checkout: all lines or none. */
public record ReservationRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {
    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive @Max(10_000) Integer quantity) {}
}
