package com.emporium.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** "Mail me a reset link": the account's email. */
public record PasswordResetRequest(
        @NotNull @Size(max = 320) @AccountEmail String email) {}
