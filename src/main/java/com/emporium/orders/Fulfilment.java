package com.emporium.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Units handed to a carrier, with its tracking number. */
@Schema(examples = """
        {"lines": [{"sku": "TEE-RED-M", "quantity": 2}], "carrier": "DHL", "trackingNumber": "00340434161094042557"}""")
public record Fulfilment(
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines,
        @NotBlank @Size(max = 60) String carrier,
        @NotBlank @Size(max = 100) String trackingNumber) {
    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(1) @Max(999) Integer quantity) {}
}
