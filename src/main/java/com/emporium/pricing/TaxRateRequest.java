package com.emporium.pricing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sets the rate of one tax class in a country (and region); basis points, 1900 = 19 %. */
@Schema(examples = """
        {"country": "DE", "taxClass": "standard", "name": "MwSt", "basisPoints": 1900}""")
public record TaxRateRequest(
        @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
        @Pattern(regexp = "[A-Z0-9]{0,8}") String region,
        @NotBlank @Pattern(regexp = "standard|reduced|zero") String taxClass,
        @NotBlank @Size(max = 60) String name,
        @NotNull @Min(0) @Max(10_000) Integer basisPoints) {}
