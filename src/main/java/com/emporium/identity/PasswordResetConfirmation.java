package com.emporium.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The token from the reset email and the new password, which must pass PasswordPolicy. */
@Schema(examples = """
        {"token": "kV2n8sQe0dXhT1yZ4bLmRw", "newPassword": "a-new-long-passphrase"}""")
public record PasswordResetConfirmation(
        @NotNull @Size(max = 200) String token,

        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @AcceptablePassword
        String newPassword) {}
