package com.emporium.platform.health;

import com.emporium.platform.startup.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema is migrated; live as long as the application can answer at all. */
@ApplicationScoped
public class SchemaStartup {
    @Inject
    SchemaMigration migration;

    @Produces
    @Startup
    HealthCheck schemaMigrated() {
        return () -> HealthCheckResponse.named("schema")
                .status(migration.isMigrated())
                .build();
    }

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.up("application");
    }
}
