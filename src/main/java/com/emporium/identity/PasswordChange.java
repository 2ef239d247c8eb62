package com.emporium.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current password (any length up to the cap: it is only compared) and a new one under PasswordPolicy. */
@Schema(examples = """
        {"currentPassword": "correct-horse-battery", "newPassword": "a-new-long-passphrase"}""")
public record PasswordChange(
        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) String currentPassword,

        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @AcceptablePassword
        String newPassword) {}
