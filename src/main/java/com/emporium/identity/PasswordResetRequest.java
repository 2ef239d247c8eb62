package com.emporium.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** "Mail me a reset link": the account's email. */
@Schema(examples = """
        {"email": "ada@example.com"}""")
public record PasswordResetRequest(
        @NotNull @Size(max = 320) @AccountEmail String email) {}
