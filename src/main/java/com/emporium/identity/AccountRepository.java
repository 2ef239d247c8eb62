package com.emporium.identity;

import com.emporium.platform.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Every query about accounts and what belongs to one alone: the addresses it logged in from and its
 * password reset tokens.
 */
@ApplicationScoped
class AccountRepository {
    @PersistenceContext
    EntityManager em;

    /**
     * Inserts a customer account unless the email is taken, in one statement, so two concurrent
     * registrations of one email cannot both create an account nor fail with a server error. Empty when
     * the email was taken.
     */
    OptionalLong addUnlessTaken(String normalizedEmail, String passwordHash, Role role) {
        List<?> created = em.createNativeQuery("INSERT INTO account (email, password_hash, role) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (email) DO NOTHING RETURNING id")
                .setParameter(1, normalizedEmail)
                .setParameter(2, passwordHash)
                .setParameter(3, role.value())
                .getResultList();
        return created.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) created.get(0)).longValue());
    }

    void add(Account account) {
        em.persist(account);
        em.flush();
    }

    /** The account as this transaction's copy, for one that was read in another. */
    Account managed(Account account) {
        return em.merge(account);
    }

    void remove(Account account) {
        em.remove(account);
    }

    long count() {
        return em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult();
    }

    Optional<Account> find(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    Optional<Account> byEmail(String normalizedEmail) {
        return em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
                .setParameter("email", normalizedEmail)
                .getResultStream()
                .findFirst();
    }

    /**
     * Every admin row, locked: two admins demoting or removing each other at once are serialised here, and
     * the second sees that only one admin is left (PostgreSQL re-checks the role after the lock wait).
     */
    List<Account> lockAdmins() {
        return em.createQuery("SELECT a FROM Account a WHERE a.role = :admin ORDER BY a.id", Account.class)
                .setParameter("admin", Role.ADMIN.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** True when the account behind this email logged in from this address within the last {@code days}. */
    boolean loggedInFrom(String normalizedEmail, String address, int days) {
        return !em.createNativeQuery("SELECT 1 FROM login_address l JOIN account a ON a.id = l.account_id"
                        + " WHERE a.email = ?1 AND l.address = ?2"
                        + " AND l.last_success_at > now() - make_interval(days => ?3)")
                .setParameter(1, normalizedEmail)
                .setParameter(2, address)
                .setParameter(3, days)
                .getResultList()
                .isEmpty();
    }

    void rememberLoginFrom(long accountId, String address) {
        em.createNativeQuery("INSERT INTO login_address (account_id, address) VALUES (?1, ?2)"
                        + " ON CONFLICT (account_id, address) DO UPDATE SET last_success_at = now()")
                .setParameter(1, accountId)
                .setParameter(2, address)
                .executeUpdate();
    }

    void add(PasswordReset reset) {
        em.persist(reset);
    }

    /** Locked, so one token cannot be spent twice by two concurrent confirmations. */
    Optional<PasswordReset> lockReset(String digest) {
        return Optional.ofNullable(em.find(PasswordReset.class, digest, LockModeType.PESSIMISTIC_WRITE));
    }

    Stream<PasswordReset> unusedResets(long accountId) {
        return em.createQuery(
                        "SELECT r FROM PasswordReset r WHERE r.accountId = :account AND r.usedAt IS NULL",
                        PasswordReset.class)
                .setParameter("account", accountId)
                .getResultStream();
    }
}
