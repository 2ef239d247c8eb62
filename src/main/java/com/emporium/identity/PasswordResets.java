package com.emporium.identity;

import com.emporium.identity.audit.AuditLog;
import com.emporium.identity.audit.AuditType;
import com.emporium.notify.Outbox;
import com.emporium.platform.security.ratelimit.Decision;
import com.emporium.platform.security.ratelimit.Limit;
import com.emporium.platform.security.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password reset by email. A request answers the same whatever happened (no account, throttled, mailed);
 * the email leaves through the outbox, so the answer never waits for SMTP and its timing tells nothing.
 * Setting the new password spends the token, withdraws the account's other tokens and ends every
 * session, as a password change does.
 */
@ApplicationScoped
@Transactional
public class PasswordResets {
    static final String EVENT = "account.password-reset";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AccountRepository accountRows;

    @Inject
    AccountService accounts;

    @Inject
    Passwords passwords;

    @Inject
    Sessions sessions;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "emporium.password-reset.minutes", defaultValue = "30")
    long minutes;

    @Inject
    @ConfigProperty(name = "emporium.password-reset.per-account", defaultValue = "3")
    int perAccount;

    @Inject
    @ConfigProperty(
            name = "emporium.password-reset.url",
            defaultValue = "http://localhost:3000/account/reset-password?token={token}")
    String urlTemplate;

    public void request(String rawEmail) {
        String email = EmailAddress.normalized(rawEmail);
        // Per address asked about, known or not, so the limit reveals nothing and stops mail bombing.
        Decision decision =
                limiter.consume(new Limit("reset-account", perAccount, Duration.ofMinutes(minutes), true), email);
        Optional<Account> account = accounts.byEmail(email);
        if (!decision.allowed()) {
            audit.record(
                    AuditType.PASSWORD_RESET_THROTTLED,
                    "anonymous",
                    account.map(a -> a.id().toString()).orElse("unknown"),
                    decision.unavailable() ? "limit store unavailable" : "too many requests");
            return;
        }
        if (account.isEmpty()) {
            return;
        }
        Account owner = account.get();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        accountRows.add(new PasswordReset(digest(token), owner.id(), now, now.plus(Duration.ofMinutes(minutes))));
        String payload = Json.createObjectBuilder()
                .add("email", owner.email())
                .add("url", urlTemplate.replace("{token}", token))
                .add("minutes", minutes)
                .build()
                .toString();
        outbox.append(owner.id(), EVENT, payload);
        audit.record(AuditType.PASSWORD_RESET_REQUESTED, "anonymous", owner.id().toString(), null);
    }

    public void confirm(String token, String newPassword) {
        PasswordReset reset = accountRows.lockReset(digest(token)).orElseThrow(ResetTokenRefused.Invalid::new);
        Instant now = Instant.now();
        reset.use(now);
        Account account = accounts.find(reset.accountId());
        account.changePassword(passwords.hash(newPassword));
        accountRows.unusedResets(reset.accountId()).forEach(other -> other.withdraw(now));
        sessions.revokeAll(account.id(), "password-reset");
        audit.record(
                AuditType.PASSWORD_RESET, account.id().toString(), account.id().toString(), null);
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
