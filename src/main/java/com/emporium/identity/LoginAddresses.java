package com.emporium.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Client addresses an account has logged in from successfully: a login from one of them is the owner's
 * usual place, which the per-account guessing limit treats apart from everyone else (see LoginThrottle).
 */
@ApplicationScoped
public class LoginAddresses {
    @Inject
    AccountRepository accounts;

    @Inject
    @ConfigProperty(name = "emporium.auth.known-address-days", defaultValue = "90")
    int rememberDays;

    /** True when the account behind this email logged in from this address within the remembered period. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean known(String normalizedEmail, String address) {
        return accounts.loggedInFrom(normalizedEmail, address, rememberDays);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void remember(long accountId, String address) {
        accounts.rememberLoginFrom(accountId, address);
    }
}
