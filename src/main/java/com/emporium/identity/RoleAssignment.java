package com.emporium.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record RoleAssignment(
        @NotNull @Pattern(regexp = "customer|staff|admin") String role) {}
