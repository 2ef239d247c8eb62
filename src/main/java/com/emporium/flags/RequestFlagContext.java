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
    JsonWebToken jwt;

    @Inject
    HttpServletRequest request;

    /** The context for flags evaluated on behalf of this request. */
    public EvaluationContext current() {
        return applyCaller(new MutableContext());
    }

    /** Adds what the server knows of the caller to a context a client supplied, overriding its claims. */
    MutableContext applyCaller(MutableContext context) {
        Optional<String> account = account();
        if (account.isPresent()) {
            context.setTargetingKey("account:" + account.get());
            context.add("role", role());
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

    private String role() {
        var groups = jwt.getGroups();
        return groups.contains(Roles.ADMIN) ? Roles.ADMIN : groups.contains(Roles.STAFF) ? Roles.STAFF : Roles.CUSTOMER;
    }

    private Optional<String> account() {
        try {
            return Optional.ofNullable(jwt).map(JsonWebToken::getSubject).filter(s -> !s.isBlank());
        } catch (RuntimeException e) {
            return Optional.empty(); // no verified token on this request
        }
    }
}
