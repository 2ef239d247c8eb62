package com.emporium.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record PasswordChange(
        @NotBlank @Size(max = 128) String currentPassword,
        @NotNull @Size(min = 12, max = 128) String newPassword) {}
