package com.emporium.identity;

import com.emporium.identity.audit.AuditLog;
import com.emporium.identity.audit.AuditType;
import com.emporium.platform.Roles;
import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;

/** Accounts: self-registration of customers, accounts made by admins, password and role changes. */
@ApplicationScoped
@Transactional
public class AccountService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    @Inject
    Sessions sessions;

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public AccountView register(Registration registration) {
        Account account = create(registration.email(), registration.password(), Roles.CUSTOMER);
        audit.record(AuditType.REGISTERED, account.id().toString(), account.email(), null);
        return AccountView.from(account);
    }

    public AccountView create(NewAccount request, String adminId) {
        Account account = create(request.email(), request.password(), request.role());
        audit.record(AuditType.ACCOUNT_CREATED, adminId, account.id().toString(), "role=" + account.role());
        return AccountView.from(account);
    }

    /** The first admin, from configuration, only while no account at all exists. */
    public Optional<AccountView> createFirstAdmin(String email, String password) {
        long accounts =
                em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult();
        if (accounts > 0) {
            return Optional.empty();
        }
        Account admin = create(email, password, Roles.ADMIN);
        audit.record(AuditType.FIRST_ADMIN_CREATED, "system", admin.id().toString(), null);
        return Optional.of(AccountView.from(admin));
    }

    private Account create(String email, String password, String role) {
        String normalized = normalize(email);
        if (byEmail(normalized).isPresent()) {
            throw new Conflict("email-taken", "Email taken", "An account with this email already exists.");
        }
        Account account = new Account(normalized, passwords.hash(password), role);
        em.persist(account);
        em.flush();
        return account;
    }

    /**
     * The account the credentials prove, or empty. Unknown email and wrong password cost the same and
     * look the same to the caller; a hash made with older parameters is upgraded on success.
     */
    public Optional<Account> authenticate(String email, String password) {
        Optional<Account> account = byEmail(normalize(email));
        if (!passwords.matches(password, account.map(Account::passwordHash))) {
            return Optional.empty();
        }
        Account found = account.orElseThrow();
        if (passwords.outdated(found.passwordHash())) {
            found.rehash(passwords.hash(password));
        }
        return account;
    }

    /** Changes the password and ends every session of the account: a stolen refresh token dies with it. */
    public void changePassword(long accountId, PasswordChange change) {
        Account account = find(accountId);
        if (!passwords.matches(change.currentPassword(), Optional.of(account.passwordHash()))) {
            audit.record(
                    AuditType.PASSWORD_CHANGE_FAILED,
                    account.id().toString(),
                    account.id().toString(),
                    null);
            throw new InvalidCredentials();
        }
        account.changePassword(passwords.hash(change.newPassword()));
        sessions.revokeAll(account.id(), "password-changed");
        audit.record(
                AuditType.PASSWORD_CHANGED,
                account.id().toString(),
                account.id().toString(),
                null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountView get(long id) {
        return AccountView.from(find(id));
    }

    public AccountView assignRole(long id, String role, String adminId) {
        Account account = find(id);
        String before = account.role();
        account.assignRole(role);
        if (!before.equals(role)) {
            // The old role lives on in issued access tokens until they expire; sessions end now.
            sessions.revokeAll(account.id(), "role-changed");
        }
        audit.record(AuditType.ROLE_CHANGED, adminId, account.id().toString(), before + " -> " + role);
        return AccountView.from(account);
    }

    Account find(long id) {
        Account account = em.find(Account.class, id);
        if (account == null) {
            throw new NotFound("No account " + id + ".");
        }
        return account;
    }

    private Optional<Account> byEmail(String normalizedEmail) {
        return em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
                .setParameter("email", normalizedEmail)
                .getResultStream()
                .findFirst();
    }
}
