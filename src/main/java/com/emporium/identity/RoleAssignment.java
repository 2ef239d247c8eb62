package com.emporium.identity;

import com.emporium.platform.Role;
import com.emporium.platform.validation.RoleName;
import jakarta.validation.constraints.NotNull;

/** The role is a string on the wire; {@link #assigned()} is the role it names once validated. */
public record RoleAssignment(@NotNull @RoleName String role) {
    Role assigned() {
        return Role.parse(role);
    }
}
