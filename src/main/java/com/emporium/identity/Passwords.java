package com.emporium.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA512, 32-byte salt; OWASP's 2023 floor is
 * 210,000 iterations for this PRF). A check for an unknown account runs a full verification against a
 * dummy hash, so "no such user" and "wrong password" take the same time.
 */
@ApplicationScoped
public class Passwords {
    static final String ALGORITHM = "PBKDF2WithHmacSHA512";

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "emporium.password.iterations", defaultValue = "210000")
    int iterations;

    private String dummy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm",
                ALGORITHM,
                "Pbkdf2PasswordHash.Iterations",
                Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes",
                "32",
                "Pbkdf2PasswordHash.KeySizeBytes",
                "32"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        dummy = hash.generate(Base64.getEncoder().encodeToString(random).toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /** True only for a stored hash that the password matches; always costs one full verification. */
    public boolean matches(String password, Optional<String> stored) {
        boolean ok = hash.verify(password.toCharArray(), stored.orElse(dummy));
        return ok && stored.isPresent();
    }

    /** A hash made with other parameters than today's, to be replaced after a successful login. */
    public boolean outdated(String stored) {
        String[] parts = stored.split(":");
        return parts.length != 4 || !parts[0].equals(ALGORITHM) || !parts[1].equals(Integer.toString(iterations));
    }
}
