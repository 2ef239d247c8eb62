package com.emporium.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An admin creates staff, admins (or customers) with an initial password. */
public record NewAccount(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(min = 12, max = 128) String password,
        @NotNull @Pattern(regexp = "customer|staff|admin") String role) {}
