package com.emporium.identity;

import com.emporium.identity.audit.AuditLog;
import com.emporium.identity.audit.AuditType;
import com.emporium.platform.Role;
import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Accounts: self-registration of customers, accounts made by admins, password and role changes, removal. */
@ApplicationScoped
@Transactional
public class AccountService {
    @Inject
    AccountRepository accounts;

    @Inject
    SessionRepository sessionRows;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    @Inject
    Sessions sessions;

    @Inject
    SessionGate gate;

    @Inject
    AccountNotices notices;

    @Inject
    LoginThrottle throttle;

    /**
     * Self-registration that does not tell whether the email already has an account: both paths hash the
     * password, write one row and one audit event, and the caller gets the same answer. The insert and the
     * "taken" check are one statement, so two concurrent registrations of one email cannot both create an
     * account nor fail with a server error.
     */
    public void register(Registration registration) {
        String email = EmailAddress.normalized(registration.email());
        String hash = passwords.hash(registration.password());
        OptionalLong created = accounts.addUnlessTaken(email, hash, Role.CUSTOMER);
        if (created.isPresent()) {
            audit.record(AuditType.REGISTERED, Long.toString(created.getAsLong()), email, null);
            return;
        }
        byEmail(email).ifPresent(existing -> {
            audit.record(
                    AuditType.REGISTRATION_FOR_EXISTING,
                    "anonymous",
                    existing.id().toString(),
                    null);
            notices.registrationAttempted(existing);
        });
    }

    public AccountView create(NewAccount request, String adminId) {
        Account account = create(request.email(), request.password(), request.assignedRole());
        audit.record(AuditType.ACCOUNT_CREATED, adminId, account.id().toString(), "role=" + account.role());
        return AccountView.from(account);
    }

    /** The first admin, from configuration, only while no account at all exists. */
    public Optional<AccountView> createFirstAdmin(String email, String password) {
        if (accounts.count() > 0) {
            return Optional.empty();
        }
        Account admin = create(email, password, Role.ADMIN);
        audit.record(AuditType.FIRST_ADMIN_CREATED, "system", admin.id().toString(), null);
        return Optional.of(AccountView.from(admin));
    }

    /** Admins see whether an email is taken: they are trusted, and they need to know. */
    private Account create(String rawEmail, String password, Role role) {
        // Normalised and length-checked before the (expensive) hash, never after.
        String email = EmailAddress.normalized(rawEmail);
        if (byEmail(email).isPresent()) {
            throw new Conflict("email-taken", "Email taken", "An account with this email already exists.");
        }
        Account account = new Account(email, passwords.hash(password), role);
        accounts.add(account);
        return account;
    }

    /**
     * The account the credentials prove, or empty. Unknown email and wrong password cost the same and
     * look the same to the caller; a hash made with older parameters is upgraded on success.
     */
    public Optional<Account> authenticate(String normalizedEmail, String password) {
        Optional<Account> account = byEmail(normalizedEmail);
        if (!passwords.matches(password, account.map(Account::passwordHash))) {
            return Optional.empty();
        }
        Account found = account.orElseThrow();
        if (passwords.outdated(found.passwordHash())) {
            found.rehash(passwords.hash(password));
        }
        return account;
    }

    /**
     * Changes the password and ends every session of the account: a stolen refresh token dies with it.
     * Attempts are limited per account before the current password is checked, so a stolen access token
     * cannot be used to guess it.
     */
    public void changePassword(long accountId, PasswordChange change) {
        throttle.checkPasswordChange(accountId);
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

    /** A role change ends the account's sessions, so tokens carrying the old role stop working everywhere. */
    public AccountView assignRole(long id, Role role, String adminId) {
        List<Account> admins = accounts.lockAdmins();
        Account account = find(id);
        Role before = account.role();
        if (before.equals(role)) {
            return AccountView.from(account);
        }
        keepAnAdmin(account, admins);
        account.assignRole(role);
        sessions.revokeAll(account.id(), "role-changed");
        audit.record(AuditType.ROLE_CHANGED, adminId, account.id().toString(), before + " -> " + role);
        return AccountView.from(account);
    }

    /**
     * Removes an account with its sessions and refresh tokens; its access tokens stop working on every
     * replica at commit. The audit trail keeps the events that name it.
     */
    public void remove(long id, String adminId) {
        List<Account> admins = accounts.lockAdmins();
        Account account = find(id);
        keepAnAdmin(account, admins);
        sessionRows.removeAllOf(id);
        accounts.remove(account);
        gate.accountChanged(id);
        audit.record(AuditType.ACCOUNT_REMOVED, adminId, Long.toString(id), "role=" + account.role());
    }

    private static void keepAnAdmin(Account account, List<Account> admins) {
        if (account.role() == Role.ADMIN && admins.size() <= 1) {
            throw new Conflict(
                    "last-admin",
                    "Last admin",
                    "This is the only admin account; make another account admin before demoting or removing it.");
        }
    }

    Account find(long id) {
        return accounts.find(id).orElseThrow(() -> new NotFound("No account " + id + "."));
    }

    Optional<Account> byEmail(String normalizedEmail) {
        return accounts.byEmail(normalizedEmail);
    }
}
