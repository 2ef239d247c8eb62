package com.emporium.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Everything no narrower mapper claimed. Failures a client can cause travel wrapped in other exceptions
 * (an unreadable body inside a ProcessingException, a lost update or a unique-key race inside the
 * persistence provider's), so the cause chain is searched before anything is called a server error.
 * A database that is briefly away is a 503 (see {@link TemporaryOutage}), not a 500.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String CHECK_VIOLATION = "23514";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        String path = uriInfo.getRequestUri().getRawPath();
        if (RequestBodyTooLarge.causes(e)) {
            return StatusProblems.forStatus(413).at(path).toResponse();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem.problem().at(path).toResponse();
            }
            if (t instanceof JsonbException binding) {
                Optional<Problem> field = UnreadableBody.of(binding);
                if (field.isPresent()) {
                    return field.get().at(path).toResponse();
                }
            }
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return Problem.of(
                                400,
                                "malformed-body",
                                "Malformed body",
                                "The request body is not valid JSON for this resource.")
                        .at(path)
                        .toResponse();
            }
            if (t instanceof OptimisticLockException) {
                return StatusProblems.forStatus(412).at(path).toResponse();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case UNIQUE_VIOLATION, FOREIGN_KEY_VIOLATION, CHECK_VIOLATION -> {
                        return StatusProblems.forStatus(409).at(path).toResponse();
                    }
                    default -> {}
                }
            }
        }
        var outage = TemporaryOutage.reason(e);
        if (outage.isPresent()) {
            return TemporaryOutage.respond(outage.get(), path);
        }
        if (e instanceof ProcessingException) {
            return StatusProblems.forStatus(400).at(path).toResponse();
        }
        return ServerErrors.unexpected(e, uriInfo);
    }
}
