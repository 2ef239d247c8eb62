package com.emporium.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/**
 * Messages to account owners. Registration answers the same whether an email is new or taken, so the
 * owner of a taken address must learn of the attempt another way: by email, once the platform can send
 * mail. Until then the notice is only logged (with the account id, never the address).
 */
@ApplicationScoped
public class AccountNotices {
    private static final Logger LOG = Logger.getLogger(AccountNotices.class.getName());

    /** Someone tried to register with the address of this existing account. */
    void registrationAttempted(Account existing) {
        // Mail hook: send "someone tried to create an account with your address; if it was you, sign in or
        // reset your password" to existing.email() here when email delivery exists.
        LOG.info(() -> "notice registration-attempt-for-existing-account account=" + existing.id()
                + " (not mailed: no mail delivery configured)");
    }
}
