package com.emporium.identity;

import com.emporium.platform.Role;
import com.emporium.platform.validation.RoleName;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin creates staff, admins (or customers) with an initial password; the same rules as registration. */
@Schema(examples = """
        {"email": "sam@shop.example", "password": "correct-horse-battery", "role": "staff"}""")
public record NewAccount(
        @NotNull @Size(max = 320) @AccountEmail String email,

        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @AcceptablePassword
        String password,

        @NotNull @RoleName String role) {
    Role assignedRole() {
        return Role.parse(role);
    }
}
