package com.emporium.identity;

import com.emporium.platform.problem.StatusProblems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A signature proves who got a token, not that it still stands: an access token whose session has ended
 * (logout, password change, refresh-token reuse, removal) or whose role is no longer the account's role
 * is refused with 401 before any resource runs, on every replica within moments of the change. Tokens
 * without a {@code sid} claim are not ours (trusted service tokens of another issuer) and pass unchanged.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class ActiveSessionFilter implements ContainerRequestFilter {
    @Inject
    SessionGate gate;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        String sid = jwt.getClaim("sid");
        if (sid == null) {
            return;
        }
        if (!stands(jwt, sid)) {
            request.abortWith(Response.fromResponse(StatusProblems.forStatus(401)
                            .at(request.getUriInfo().getRequestUri().getRawPath())
                            .toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .build());
        }
    }

    private boolean stands(JsonWebToken jwt, String sid) {
        Optional<SessionGate.Holder> holder;
        try {
            holder = gate.holder(UUID.fromString(sid));
        } catch (IllegalArgumentException e) {
            return false;
        }
        Set<String> groups = jwt.getGroups();
        return holder.filter(h -> Long.toString(h.accountId()).equals(jwt.getSubject()))
                .filter(h -> groups != null && groups.size() == 1 && groups.contains(h.role()))
                .isPresent();
    }
}
