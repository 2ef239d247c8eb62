package com.emporium.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be, after NIST SP 800-63B section 3.1.1.2: long enough (counted in Unicode
 * code points, every character allowed, spaces included), not one of the passwords attackers try first
 * (a list shipped with the application, compared without regard to case, no network call), and not a
 * single repeated character or a plain run like "abcdefghijkl". No composition rules ("one digit, one
 * symbol"): they make passwords harder to remember, not to guess.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final String LIST = "/com/emporium/identity/common-passwords.txt";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> refusal(String password) {
        if (password == null) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("must not repeat a single character");
        }
        if (run(password)) {
            return Optional.of("must not be a run of consecutive characters");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("is too common: it appears in lists of breached passwords");
        }
        return Optional.empty();
    }

    /** "abcdefghijkl", "987654321098"-like: every step the same +1 or -1. */
    private static boolean run(String password) {
        int[] c = password.toLowerCase(Locale.ROOT).codePoints().toArray();
        int step = c[1] - c[0];
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < c.length; i++) {
            int d = c[i] - c[i - 1];
            if (d != step
                    && !(c[i - 1] == '9' && c[i] == '0' && step == 1)
                    && !(c[i - 1] == '0' && c[i] == '9' && step == -1)) {
                return false;
            }
        }
        return true;
    }

    static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("The common password list " + LIST + " is missing");
            }
            Set<String> set = new HashSet<>(65_536);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isEmpty()) {
                        set.add(line.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
