package com.emporium.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A login. The email is checked like at registration, so nothing that is not an address reaches the
 * throttle, the audit log or the server log. The password only has to be as long as a new one must be
 * (no account can have a shorter one) and is capped so that hashing cannot be made a denial of service;
 * blank passwords are legal passwords and simply do not match.
 */
@Schema(examples = """
        {"email": "ada@example.com", "password": "correct-horse-battery"}""")
public record Credentials(
        @NotNull @Size(max = 320) @AccountEmail String email,

        @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH)
        String password) {}
