package com.emporium.platform.security.ratelimit;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The problem body plus Retry-After and the RateLimit headers. */
@Provider
public class TooManyAttemptsMapper implements ExceptionMapper<TooManyAttempts> {
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(TooManyAttempts e) {
        Response problem = e.problem().at(uriInfo.getRequestUri().getRawPath()).toResponse();
        return e.decision().withHeaders(Response.fromResponse(problem)).build();
    }
}
