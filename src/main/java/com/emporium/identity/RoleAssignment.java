package com.emporium.identity;

import com.emporium.platform.Role;
import com.emporium.platform.validation.RoleName;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The role is a string on the wire; {@link #assigned()} is the role it names once validated. */
@Schema(examples = """
        {"role": "staff"}""")
public record RoleAssignment(@NotNull @RoleName String role) {
    Role assigned() {
        return Role.parse(role);
    }
}
