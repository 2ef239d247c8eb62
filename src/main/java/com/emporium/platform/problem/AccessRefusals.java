package com.emporium.platform.problem;

import com.emporium.platform.audit.SecurityEvent;
import com.emporium.platform.audit.SecurityEvents;
import com.emporium.platform.security.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;

/**
 * Audits the refusals the runtime answers itself: a 403 (authenticated but not allowed) and a 401 for a
 * request that did present a bearer token (the token was rejected). A 401 without any token is the
 * ordinary anonymous case and is not an event.
 */
@ApplicationScoped
public class AccessRefusals {
    @Inject
    SecurityEvents events;

    void record(int status, Principal principal, boolean presentedToken, String path) {
        if (status == 403) {
            events.publish(
                    new SecurityEvent("access.denied", SecurityEvent.actorOf(principal), path, null),
                    ClientAddress.current());
        } else if (status == 401 && presentedToken) {
            events.publish(
                    new SecurityEvent("token.rejected", SecurityEvent.ANONYMOUS, path, null), ClientAddress.current());
        }
    }
}
