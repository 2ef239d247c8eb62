package com.emporium.platform.audit;

import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * One security-relevant fact seen at the edge. {@code actor} is an account id, "anonymous" or "system";
 * {@code type} is the audit code (docs/security.md lists them).
 */
public record SecurityEvent(String type, String actor, String subject, String detail) {
    public static final String ANONYMOUS = "anonymous";

    /** The account id behind a verified token (its subject), never an email or display name. */
    public static String actorOf(Principal principal) {
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return ANONYMOUS;
    }
}
