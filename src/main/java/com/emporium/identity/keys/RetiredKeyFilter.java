package com.emporium.identity.keys;

import com.emporium.platform.audit.SecurityEvent;
import com.emporium.platform.audit.SecurityEvents;
import com.emporium.platform.problem.StatusProblems;
import com.emporium.platform.security.ClientAddress;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses tokens signed by a key that has left the key ring. The MicroProfile JWT runtime caches the
 * JWKS it fetched, so without this check a removed (possibly leaked) key would keep verifying until
 * that cache expires; with it, removal takes effect within one key-ring rescan.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RetiredKeyFilter implements ContainerRequestFilter {
    @Inject
    SigningKeys keys;

    @Inject
    SecurityEvents events;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt) {
            String kid = SigningKeys.kidOf(jwt.getRawToken()).orElse(null);
            if (!keys.trusts(kid)) {
                events.publish(
                        new SecurityEvent(
                                "token.rejected",
                                SecurityEvent.ANONYMOUS,
                                request.getUriInfo().getRequestUri().getRawPath(),
                                "retired key"),
                        ClientAddress.current());
                request.abortWith(Response.fromResponse(StatusProblems.forStatus(401)
                                .at(request.getUriInfo().getRequestUri().getRawPath())
                                .toResponse())
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                        .build());
            }
        }
    }
}
