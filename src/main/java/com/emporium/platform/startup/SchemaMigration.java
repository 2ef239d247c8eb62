package com.emporium.platform.startup;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway scripts in db/migration once at startup. Flyway holds a PostgreSQL advisory lock
 * while it migrates, so replicas starting together apply each script exactly once. Liberty's class
 * loader needs a marker file (flyway.location) in each location for Flyway to list it.
 */
@ApplicationScoped
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/emporium")
    DataSource dataSource;

    private volatile boolean migrated;

    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        migrated = true;
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    public boolean isMigrated() {
        return migrated;
    }
}
