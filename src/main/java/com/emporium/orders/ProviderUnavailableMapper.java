package com.emporium.orders;

import com.emporium.platform.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/** The payment provider's outage answer carries Retry-After, like the platform's database outage answer. */
@Provider
public class ProviderUnavailableMapper implements ExceptionMapper<PaymentProblems.ProviderUnavailable> {
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(PaymentProblems.ProviderUnavailable e) {
        long retryAfter = ConfigProvider.getConfig()
                .getOptionalValue("emporium.http.outage-retry-after-seconds", Long.class)
                .orElse(2L);
        Problem problem = e.problem().at(uriInfo.getRequestUri().getRawPath());
        return Response.fromResponse(problem.toResponse())
                .header("Retry-After", Long.toString(retryAfter))
                .build();
    }
}
