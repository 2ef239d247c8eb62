package com.emporium.platform.http;

import com.emporium.platform.problem.InvalidRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses U+0000 anywhere in a request's text: the path and query parameters here, JSON bodies in
 * {@link NulBodyGuard}. PostgreSQL
 * text cannot hold it, so without this check a NUL in a search, a filter or a product name reaches the
 * database and fails there as a server error; no text field of this API has a use for it.
 */
@Provider
@PreMatching
public class NulCharacterGuard implements ContainerRequestFilter {
    static final String REFUSAL = "Text must not contain the NUL character (U+0000).";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath(true).indexOf('\0') >= 0) {
            throw new InvalidRequest(REFUSAL);
        }
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw new InvalidRequest(REFUSAL);
            }
        }
    }

    /**
     * A raw NUL byte, or the JSON escape for U+0000 (backslash, "u0000"). Escapes are skipped pairwise
     * so that an escaped backslash followed by the text "u0000" is not mistaken for one; bytes of UTF-8
     * multi-byte characters never equal a backslash or zero, so scanning bytes is exact.
     */
    static boolean containsNul(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == 0) {
                return true;
            }
            if (b == '\\' && i + 1 < body.length) {
                if (body[i + 1] == 'u'
                        && i + 5 < body.length
                        && body[i + 2] == '0'
                        && body[i + 3] == '0'
                        && body[i + 4] == '0'
                        && body[i + 5] == '0') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }
}
