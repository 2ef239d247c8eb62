package com.emporium.identity;

import com.emporium.identity.keys.SigningKeys;
import com.emporium.platform.startup.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Readies identity once the schema exists: loads (or, in development, generates) the signing keys and
 * creates the first admin from configuration when the database has no account yet. Without both
 * settings nobody is created; an operator sets them once from a Secret and removes them afterwards.
 */
@ApplicationScoped
public class IdentityStartup {
    private static final Logger LOG = Logger.getLogger(IdentityStartup.class.getName());

    @Inject
    SigningKeys keys;

    @Inject
    AccountService accounts;

    @Inject
    @ConfigProperty(name = "emporium.bootstrap.admin.email")
    Optional<String> adminEmail;

    @Inject
    @ConfigProperty(name = "emporium.bootstrap.admin.password")
    Optional<String> adminPassword;

    void onSchemaReady(@Observes SchemaReady ready) {
        keys.prepare();
        Optional<String> email = adminEmail.filter(s -> !s.isBlank());
        Optional<String> password = adminPassword.filter(s -> !s.isBlank());
        if (email.isEmpty() || password.isEmpty()) {
            LOG.info(
                    "No first admin configured (EMPORIUM_BOOTSTRAP_ADMIN_EMAIL and EMPORIUM_BOOTSTRAP_ADMIN_PASSWORD)");
            return;
        }
        Optional<String> weak = PasswordPolicy.refusal(password.get());
        if (weak.isPresent()) {
            LOG.severe(() -> "The configured first admin password " + weak.get() + "; no admin was created");
            return;
        }
        if (EmailAddress.normalize(email.get()).isEmpty()) {
            LOG.severe("The configured first admin email is not an acceptable address; no admin was created");
            return;
        }
        try {
            accounts.createFirstAdmin(email.get(), password.get())
                    .ifPresent(admin -> LOG.warning(
                            () -> "Created the first admin account " + admin.email() + " (id " + admin.id() + ")"));
        } catch (RuntimeException e) {
            // Another replica created it at the same moment: the unique email decides, nothing to do.
            LOG.info(() -> "First admin not created here: " + e.getMessage());
        }
    }
}
