package com.emporium.platform.problem;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A database that is briefly away (restarting, failing over, refusing connections) or a lock that could
 * not be had in time is a condition the client should retry, not a bug: it is answered 503 with
 * Retry-After, logged as a warning without a stack trace, and counted, so that 500 keeps meaning "a fault
 * in the server". Nothing acknowledged is lost: the transaction that met the outage was rolled back.
 */
final class TemporaryOutage {
    private static final Logger LOG = Logger.getLogger(TemporaryOutage.class.getName());

    /**
     * PostgreSQL SQLSTATEs (Appendix A of its manual) that say "try again": serialization failure,
     * deadlock, lock not available, query cancelled by a timeout, too many connections, and the
     * shutdown/recovery states. Class 08 (connection exception) is matched as a whole.
     */
    private static final Set<String> RETRYABLE_STATES =
            Set.of("40001", "40P01", "55P03", "57014", "53300", "57P01", "57P02", "57P03");

    private TemporaryOutage() {}

    /** The reason when {@code failure} or one of its causes is a temporary database condition. */
    static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LockTimeoutException
                    || t instanceof PessimisticLockException
                    || t instanceof QueryTimeoutException) {
                return Optional.of("lock-timeout");
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || RETRYABLE_STATES.contains(state))) {
                    return Optional.of(state.startsWith("08") ? "connection" : "sqlstate-" + state);
                }
                if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
                    return Optional.of("connection");
                }
            }
        }
        return Optional.empty();
    }

    static Response respond(String reason, String path) {
        LOG.warning("Database temporarily unavailable (" + reason + ") on " + path + "; answered 503");
        count(reason);
        long retryAfter = ConfigProvider.getConfig()
                .getOptionalValue("emporium.http.outage-retry-after-seconds", Long.class)
                .orElse(2L);
        return Response.fromResponse(Problem.of(
                                503,
                                "temporarily-unavailable",
                                "Temporarily unavailable",
                                "The service could not complete the request just now; nothing was changed. Retry shortly.")
                        .at(path)
                        .toResponse())
                .header("Retry-After", Long.toString(retryAfter))
                .build();
    }

    private static void count(String reason) {
        try {
            CDI.current().select(DatabaseOutages.class).get().count(reason);
        } catch (RuntimeException e) {
            // Counting must never turn a 503 into a 500.
            LOG.warning("Could not count a database outage: " + e);
        }
    }
}
