package com.emporium.platform;

/** Role names as constants for {@code @RolesAllowed}; {@link Role} is the list of roles, built from these. */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";

    private Roles() {}
}
