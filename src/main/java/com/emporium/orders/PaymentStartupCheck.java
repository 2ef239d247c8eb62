package com.emporium.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a deployment that would take orders paid by the {@code test} provider, which
 * approves without moving money: it is for the embedded run only unless an operator opts in.
 */
@ApplicationScoped
public class PaymentStartupCheck {
    @Inject
    @ConfigProperty(name = "emporium.payments.test-provider.enabled", defaultValue = "true")
    boolean testProviderEnabled;

    @Inject
    @ConfigProperty(name = "emporium.payments.test-provider.allow-without-embedded", defaultValue = "false")
    boolean allowWithoutEmbedded;

    @Inject
    @ConfigProperty(name = "emporium.embedded.enabled", defaultValue = "true")
    boolean embedded;

    void check(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        refusal(testProviderEnabled, embedded, allowWithoutEmbedded).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }

    /** Why the configuration is refused, if it is. */
    static java.util.Optional<String> refusal(boolean testProvider, boolean embedded, boolean allowed) {
        if (testProvider && !embedded && !allowed) {
            return java.util.Optional.of("The 'test' payment provider approves every payment without moving money."
                    + " It is refused when emporium.embedded.enabled=false: set"
                    + " emporium.payments.test-provider.enabled=false, or"
                    + " emporium.payments.test-provider.allow-without-embedded=true for a staging system.");
        }
        return java.util.Optional.empty();
    }

    boolean testProviderEnabled() {
        return testProviderEnabled;
    }
}
