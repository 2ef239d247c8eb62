package com.emporium.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A login. Sizes are capped so an oversized password cannot make hashing a denial of service. */
public record Credentials(
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 128) String password) {}
