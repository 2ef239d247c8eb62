package com.emporium.catalog;

import com.emporium.platform.validation.CurrencyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A variant to add or revise. Attribute values are strings, numbers or booleans. {@code weightGrams}
 * (for weight-priced shipping) and {@code taxClass} are optional: a new variant without them has no
 * weight and the standard class; a revision without them keeps what the variant has.
 */
@Schema(examples = """
        {"sku": "TEE-RED-L", "title": "Red, L", "price": {"amount": 2500, "currency": "EUR"}, "attributes": {"colour": "red", "size": "L"}, "weightGrams": 190, "taxClass": "standard"}""")
public record VariantRequest(
        @NotNull
        @Pattern(
                regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                message = "must be 1-64 letters, digits, '.', '_' or '-'")
        String sku,

        @NotBlank @Size(max = 200) String title,
        @NotNull @Valid Price price,
        @Size(max = 30) Map<String, Object> attributes,
        @PositiveOrZero @Max(1_000_000) Integer weightGrams,

        @Pattern(regexp = "standard|reduced|zero", message = "must be standard, reduced or zero")
        String taxClass) {

    /** Minor units of an ISO 4217 currency: {"amount": 1999, "currency": "EUR"} is 19.99 EUR. */
    public record Price(
            @NotNull @PositiveOrZero Long amount,
            @NotNull @CurrencyCode String currency) {}
}
