package com.emporium.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The token from the reset email and the new password, which must pass PasswordPolicy. */
public record PasswordResetConfirmation(
        @NotNull @Size(max = 200) String token,

        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @AcceptablePassword
        String newPassword) {}
