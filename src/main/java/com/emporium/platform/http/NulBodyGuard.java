package com.emporium.platform.http;

import com.emporium.platform.problem.InvalidRequest;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** The body half of {@link NulCharacterGuard}: a request body with U+0000 in it is a 400. */
@Provider
public class NulBodyGuard implements ReaderInterceptor {
    /** Bodies are small (the size limit applies first), so reading one whole to scan it is cheap. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        if (NulCharacterGuard.containsNul(body)) {
            throw new InvalidRequest(NulCharacterGuard.REFUSAL);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
