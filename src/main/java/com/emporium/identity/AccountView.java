package com.emporium.identity;

import java.time.Instant;

/** An account as its owner and admins see it; never the password hash. */
public record AccountView(long id, String email, String role, Instant createdAt) {
    static AccountView from(Account a) {
        return new AccountView(a.id(), a.email(), a.role().value(), a.createdAt());
    }
}
