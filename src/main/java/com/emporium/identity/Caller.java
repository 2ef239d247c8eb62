package com.emporium.identity;

import com.emporium.platform.problem.NotFound;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The account and session behind a verified access token. */
record Caller(long accountId, Optional<UUID> sessionId) {
    static Caller of(SecurityContext context) {
        if (!(context.getUserPrincipal() instanceof JsonWebToken jwt)) {
            throw new NotFound("No account is behind this token.");
        }
        try {
            long id = Long.parseLong(jwt.getSubject());
            Optional<UUID> sid =
                    Optional.ofNullable(jwt.<String>getClaim("sid")).map(UUID::fromString);
            return new Caller(id, sid);
        } catch (RuntimeException e) {
            // Tokens of other issuers trusted for the API (service tokens) name no account here.
            throw new NotFound("No account is behind this token.");
        }
    }
}
