import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * What the migration init container does in the cluster (operator/base/openlibertyapplication.yaml:
 * `flyway migrate` as the owner role over the image's SQL files), with the Flyway library in the
 * version the application carries. Used by the restore drill so that the application, started later
 * as the DML-only role, finds Flyway's history table as it would in production.
 * Arguments: JDBC URL, user, password, migrations directory.
 */
public class FlywayMigrate {
    public static void main(String[] args) {
        MigrateResult result = Flyway.configure()
                .dataSource(args[0], args[1], args[2])
                .locations("filesystem:" + args[3])
                .load()
                .migrate();
        System.out.println("schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied)");
    }
}
