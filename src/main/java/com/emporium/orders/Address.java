package com.emporium.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address; country is ISO 3166-1 alpha-2, region a subdivision code where tax needs it (US states). */
public record Address(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 20) String postalCode,
        @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
        @Pattern(regexp = "[A-Z0-9]{0,8}") String region) {}
