package com.emporium.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProblemException e) {
        return e.problem().at(uriInfo.getRequestUri().getRawPath()).toResponse();
    }
}
