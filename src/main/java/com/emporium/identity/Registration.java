package com.emporium.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Self-registration. The email must normalise to an acceptable address (its length is checked after
 * normalising, see EmailAddress); the password must pass PasswordPolicy (NIST SP 800-63B). The raw size
 * caps only bound the work done on a request.
 */
@Schema(examples = """
        {"email": "ada@example.com", "password": "correct-horse-battery"}""")
public record Registration(
        @NotNull @Size(max = 320) @AccountEmail String email,

        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @AcceptablePassword
        String password) {}
