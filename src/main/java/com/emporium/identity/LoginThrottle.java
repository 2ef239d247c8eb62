package com.emporium.identity;

import com.emporium.identity.audit.AuditLog;
import com.emporium.identity.audit.AuditType;
import com.emporium.platform.security.ClientAddress;
import com.emporium.platform.security.ratelimit.Decision;
import com.emporium.platform.security.ratelimit.RateLimiter;
import com.emporium.platform.security.ratelimit.RateLimits;
import com.emporium.platform.security.ratelimit.TooManyAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Per-account limits on password guessing, on top of the per-address limit of the edge filter: a
 * botnet spreading guesses over many addresses still gets only a few per account per window. The
 * account is the submitted email, known or not, so the limit does not reveal which accounts exist.
 *
 * <p>The limit must not become a way to lock the owner out (docs/security.md, "Login throttling"): an
 * address the account has logged in from before counts against a budget of its own, so guesses from
 * elsewhere use up only the budget that all other addresses share.
 */
@ApplicationScoped
public class LoginThrottle {
    @Inject
    RateLimiter limiter;

    @Inject
    LoginAddresses addresses;

    @Inject
    AuditLog audit;

    @Inject
    RateLimits limits;

    void checkLogin(String normalizedEmail) {
        String address = ClientAddress.current();
        boolean known = addresses.known(normalizedEmail, address);
        String budget = known ? normalizedEmail + "|" + address : normalizedEmail;
        Decision decision = limiter.consume(limits.loginPerAccount(), budget);
        if (!decision.allowed()) {
            audit.record(
                    AuditType.LOGIN_THROTTLED,
                    "anonymous",
                    normalizedEmail,
                    decision.unavailable()
                            ? "limit store unavailable"
                            : known ? "limit reached from a known address" : "limit reached");
            throw new TooManyAttempts(decision);
        }
    }

    void checkPasswordChange(long accountId) {
        Decision decision = limiter.consume(limits.passwordPerAccount(), Long.toString(accountId));
        if (!decision.allowed()) {
            String id = Long.toString(accountId);
            audit.record(
                    AuditType.PASSWORD_CHANGE_THROTTLED,
                    id,
                    id,
                    decision.unavailable() ? "limit store unavailable" : "too many attempts");
            throw new TooManyAttempts(decision);
        }
    }
}
