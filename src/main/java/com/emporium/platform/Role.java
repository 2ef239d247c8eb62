package com.emporium.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles an account can have: the one list of them. Each is spelled as tokens carry it in their
 * {@code groups} claim; {@link Roles} holds the same spellings as constants only because annotations such
 * as {@code @RolesAllowed} need constants. The account table's CHECK constraint (V3) mirrors this list,
 * which a unit test keeps in step.
 */
public enum Role {
    CUSTOMER(Roles.CUSTOMER),
    STAFF(Roles.STAFF),
    ADMIN(Roles.ADMIN);

    private final String value;

    Role(String value) {
        this.value = value;
    }

    /** The spelling in tokens, requests, responses and the database. */
    public String value() {
        return value;
    }

    public static Optional<Role> of(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
    }

    /** For a value that was validated or stored before; anything else is a bug, not a client mistake. */
    public static Role parse(String value) {
        return of(value).orElseThrow(() -> new IllegalArgumentException("Unknown role '" + value + "'"));
    }

    @Override
    public String toString() {
        return value;
    }
}
