package com.emporium.identity;

import com.emporium.identity.audit.AuditLog;
import com.emporium.identity.audit.AuditType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Logging in: prove the credentials, record the outcome, start a session. */
@ApplicationScoped
public class Logins {
    @Inject
    AccountService accounts;

    @Inject
    Sessions sessions;

    @Inject
    AuditLog audit;

    @Transactional(dontRollbackOn = InvalidCredentials.class)
    public TokenGrant login(Credentials credentials, String userAgent) {
        String email = AccountService.normalize(credentials.email());
        Account account = accounts.authenticate(email, credentials.password()).orElseThrow(() -> {
            audit.record(AuditType.LOGIN_FAILED, "anonymous", email, null);
            return new InvalidCredentials();
        });
        audit.record(AuditType.LOGIN_SUCCEEDED, account.id().toString(), email, null);
        return sessions.start(account, userAgent);
    }
}
