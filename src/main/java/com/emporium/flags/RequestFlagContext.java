package com.emporium.flags;

import com.emporium.platform.Roles;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.MutableContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The OpenFeature evaluation context of the current request. A signed-in caller is targeted by account
 * (so a percentage rollout puts one person in one bucket on every request and every replica) and by role;
 * a guest by the stable anonymous id the storefront keeps and sends as {@code X-Anonymous-Id} (or as the
 * OFREP context's targeting key). Values the server knows (account, role) always win over what a client
 * claims, and a guest's key is namespaced so it can never land in a signed-in account's bucket.
 */
@RequestScoped
public class RequestFlagContext {
    public static final String ANONYMOUS_ID_HEADER = "X-Anonymous-Id";
    private static final Pattern ANONYMOUS_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    @Inject
    HttpServletRequest request;

    /** The context for flags evaluated on behalf of this request. */
    public EvaluationContext current() {
        return applyCaller(new MutableContext());
    }

    /** Adds what the server knows of the caller to a context a client supplied, overriding its claims. */
    MutableContext applyCaller(MutableContext context) {
        Optional<JsonWebToken> caller = caller();
        if (caller.isPresent()) {
            context.setTargetingKey("account:" + caller.get().getSubject());
            context.add("role", role(caller.get()));
        } else {
            context.add("role", "guest");
            String claimed = context.getTargetingKey();
            String anonymous = claimed != null && !claimed.isEmpty() ? claimed : request.getHeader(ANONYMOUS_ID_HEADER);
            if (anonymous != null && ANONYMOUS_ID.matcher(anonymous).matches()) {
                context.setTargetingKey("anonymous:" + anonymous);
            }
        }
        return context;
    }

    private static String role(JsonWebToken jwt) {
        var groups = jwt.getGroups();
        return groups.contains(Roles.ADMIN) ? Roles.ADMIN : groups.contains(Roles.STAFF) ? Roles.STAFF : Roles.CUSTOMER;
    }

    /**
     * The verified token of this request, read from the request's principal: an injected
     * {@code JsonWebToken} would make the runtime log an error on every guest request.
     */
    private Optional<JsonWebToken> caller() {
        return request.getUserPrincipal() instanceof JsonWebToken jwt
                        && jwt.getSubject() != null
                        && !jwt.getSubject().isBlank()
                ? Optional.of(jwt)
                : Optional.empty();
    }
}
