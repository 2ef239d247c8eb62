package com.emporium.testsupport;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records every request the integration tests send through REST Assured (method, path, status, content
 * type) in target/contract/traffic.tsv, so that .ci/api-contract can compare the whole suite's traffic
 * with the OpenAPI document: is each answer's status documented for its operation, with that media type?
 */
public final class TrafficLog implements Filter {
    static final Path FILE = Path.of("target", "contract", "traffic.tsv");

    /** Created once per test JVM (by Api's static initialiser): each run's log starts empty. */
    TrafficLog() {
        try {
            Files.createDirectories(FILE.getParent());
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        String path = URI.create(request.getURI()).getRawPath();
        String type = answer.contentType() == null ? "" : answer.contentType();
        String line = request.getMethod() + "\t" + path + "\t" + answer.statusCode() + "\t" + type + "\n";
        synchronized (TrafficLog.class) {
            try {
                Files.writeString(
                        FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return answer;
    }
}
