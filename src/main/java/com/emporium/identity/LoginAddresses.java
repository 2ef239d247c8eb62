package com.emporium.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Client addresses an account has logged in from successfully: a login from one of them is the owner's
 * usual place, which the per-account guessing limit treats apart from everyone else (see LoginThrottle).
 */
@ApplicationScoped
public class LoginAddresses {
    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "emporium.auth.known-address-days", defaultValue = "90")
    int rememberDays;

    /** True when the account behind this email logged in from this address within the remembered period. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean known(String normalizedEmail, String address) {
        return !em.createNativeQuery("SELECT 1 FROM login_address l JOIN account a ON a.id = l.account_id"
                        + " WHERE a.email = ?1 AND l.address = ?2"
                        + " AND l.last_success_at > now() - make_interval(days => ?3)")
                .setParameter(1, normalizedEmail)
                .setParameter(2, address)
                .setParameter(3, rememberDays)
                .getResultList()
                .isEmpty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void remember(long accountId, String address) {
        em.createNativeQuery("INSERT INTO login_address (account_id, address) VALUES (?1, ?2)"
                        + " ON CONFLICT (account_id, address) DO UPDATE SET last_success_at = now()")
                .setParameter(1, accountId)
                .setParameter(2, address)
                .executeUpdate();
    }
}
