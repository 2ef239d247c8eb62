package com.emporium.platform;

/** Role names as they appear in the token's {@code groups} claim and in {@code @RolesAllowed}. */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";

    private Roles() {}
}
