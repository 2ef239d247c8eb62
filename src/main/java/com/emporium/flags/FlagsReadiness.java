package com.emporium.flags;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the flag file's state in the readiness details without ever failing readiness: a bad file
 * leaves the last good flags (or the code defaults) in force, so the replica can still serve.
 */
@Readiness
@ApplicationScoped
public class FlagsReadiness implements HealthCheck {
    @Inject
    FlagFile flagFile;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("feature-flags")
                .up()
                .withData("sha256", flagFile.current().sha256())
                .withData("flags", flagFile.current().flags().size());
        flagFile.rejection().ifPresent(r -> builder.withData("rejected", r));
        return builder.build();
    }
}
