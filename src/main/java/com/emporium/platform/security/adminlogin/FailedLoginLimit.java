package com.emporium.platform.security.adminlogin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.spi.LoginModule;

/**
 * A failed-login limit for the server's own users (the Admin Center and its REST connector), which
 * Liberty's basic registry does not have. It runs first in the {@code system.WEB_INBOUND} login
 * chain (server.xml): after {@code maxFailures} failed password logins of one user name within
 * {@code lockout}, that name is refused for {@code lockout} without its password being checked,
 * so a guess made while locked learns nothing. Logins without a user name (bearer tokens, SSO
 * cookies) pass through untouched: shop accounts have their own limits in the application.
 *
 * <p>The counts live in this server's memory: each replica allows {@code maxFailures}, and a
 * restart forgets them; docs/security.md says what that means.
 */
public final class FailedLoginLimit implements LoginModule {
    private static final Logger LOG = Logger.getLogger(FailedLoginLimit.class.getName());
    /** Failures per lower-cased user name; shared by every login of this server. */
    private static final Map<String, Failures> FAILURES = new ConcurrentHashMap<>();

    private record Failures(int count, Instant since, Instant lockedUntil) {}

    private CallbackHandler callbacks;
    private int maxFailures = 5;
    private Duration lockout = Duration.ofMinutes(15);
    private Clock clock = Clock.systemUTC();
    private String user;
    private boolean refusedHere;

    @Override
    public void initialize(
            Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.callbacks = callbackHandler;
        Object max = options.get("maxFailures");
        if (max != null && !max.toString().isBlank()) {
            maxFailures = Integer.parseInt(max.toString().trim());
        }
        Object seconds = options.get("lockoutSeconds");
        if (seconds != null && !seconds.toString().isBlank()) {
            lockout = Duration.ofSeconds(Long.parseLong(seconds.toString().trim()));
        }
    }

    /** For unit tests: the clock decides when a lockout ends. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean login() throws AccountLockedException {
        user = userName();
        if (user == null) {
            return false; // not a password login: this module is ignored
        }
        Failures failures = FAILURES.get(user);
        if (failures != null
                && failures.lockedUntil() != null
                && clock.instant().isBefore(failures.lockedUntil())) {
            refusedHere = true;
            throw new AccountLockedException("Too many failed logins; try again later.");
        }
        return true;
    }

    @Override
    public boolean commit() {
        if (user != null) {
            FAILURES.remove(user);
        }
        return user != null;
    }

    @Override
    public boolean abort() {
        if (user != null && !refusedHere) {
            recordFailure(user);
        }
        return user != null;
    }

    @Override
    public boolean logout() {
        return true;
    }

    private void recordFailure(String name) {
        Instant now = clock.instant();
        Failures after = FAILURES.compute(name, (key, before) -> {
            boolean fresh = before == null || before.since().plus(lockout).isBefore(now);
            int count = fresh ? 1 : before.count() + 1;
            Instant since = fresh ? now : before.since();
            return new Failures(count, since, count >= maxFailures ? now.plus(lockout) : null);
        });
        if (after.lockedUntil() != null && after.count() == maxFailures) {
            // The name is whatever the client sent: log a bounded, printable form of it.
            LOG.warning("Server user locked after " + maxFailures + " failed logins until " + after.lockedUntil() + ": "
                    + printable(name));
        }
    }

    private String userName() {
        if (callbacks == null) {
            return null;
        }
        NameCallback name = new NameCallback("user");
        try {
            callbacks.handle(new Callback[] {name});
        } catch (UnsupportedCallbackException | java.io.IOException e) {
            return null;
        }
        String value = name.getName();
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(64).forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    /** For tests of this class only: forgets every count. */
    static void forgetAll() {
        FAILURES.clear();
    }
}
