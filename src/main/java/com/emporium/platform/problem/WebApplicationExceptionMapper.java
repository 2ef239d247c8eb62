package com.emporium.platform.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The runtime's own refusals (unknown path, wrong method, unsupported media type, unreadable body,
 * missing credentials) rendered as problems. Only the status and a fixed sentence reach the client.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @Inject
    AccessRefusals refusals;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (RequestBodyTooLarge.causes(e)) {
            // The body reader wrapped the stream's refusal in a 400; the truth is 413.
            status = 413;
        }
        if (status >= 500) {
            return ServerErrors.unexpected(e, uriInfo);
        }
        refusals.record(
                status,
                security.getUserPrincipal(),
                headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null,
                uriInfo.getRequestUri().getRawPath());
        Problem problem =
                StatusProblems.forStatus(status).at(uriInfo.getRequestUri().getRawPath());
        Response.ResponseBuilder builder =
                Response.status(status).type(Problem.MEDIA).entity(problem);
        copyHeader(original, builder, HttpHeaders.ALLOW);
        copyHeader(original, builder, HttpHeaders.WWW_AUTHENTICATE);
        copyHeader(original, builder, HttpHeaders.RETRY_AFTER);
        return builder.build();
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String name) {
        if (from != null && from.getHeaderString(name) != null) {
            to.header(name, from.getHeaderString(name));
        }
    }
}
