package com.emporium.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What staff refund: without {@code lines}, everything not yet refunded; otherwise the units named plus,
 * if {@code shipping}, the shipping charge. {@code restock} puts the refunded units back on the shelf.
 */
@Schema(examples = """
        {"lines": [{"sku": "TEE-RED-M", "quantity": 1}], "shipping": false, "restock": true}""")
public record RefundRequest(
        @Valid @Size(min = 1, max = 100) List<@NotNull @Valid Line> lines, Boolean shipping, Boolean restock) {

    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive @Max(999) Integer quantity) {}

    boolean whole() {
        return lines == null;
    }

    boolean withShipping() {
        return Boolean.TRUE.equals(shipping);
    }

    boolean withRestock() {
        return Boolean.TRUE.equals(restock);
    }
}
