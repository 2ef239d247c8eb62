package com.emporium.identity;

import com.emporium.identity.audit.AuditLog;
import com.emporium.identity.audit.AuditType;
import com.emporium.platform.security.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Logging in: limit the guessing, prove the credentials, record the outcome and the address, start a
 * session. The limit comes first, so a throttled guess never reaches the (expensive) password check.
 */
@ApplicationScoped
public class Logins {
    @Inject
    AccountService accounts;

    @Inject
    Sessions sessions;

    @Inject
    LoginAddresses addresses;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    @Transactional(dontRollbackOn = InvalidCredentials.class)
    public TokenGrant login(String normalizedEmail, String password, String userAgent) {
        throttle.checkLogin(normalizedEmail);
        Account account = accounts.authenticate(normalizedEmail, password).orElseThrow(() -> {
            audit.record(AuditType.LOGIN_FAILED, "anonymous", normalizedEmail, null);
            return new InvalidCredentials();
        });
        audit.record(AuditType.LOGIN_SUCCEEDED, account.id().toString(), normalizedEmail, null);
        addresses.remember(account.id(), ClientAddress.current());
        return sessions.start(account, userAgent);
    }
}
