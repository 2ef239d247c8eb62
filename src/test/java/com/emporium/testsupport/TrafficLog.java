package com.emporium.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Records every exchange the integration tests make through REST Assured, bodies included, in
 * target/contract/traffic.jsonl (one JSON object a line), and the OpenAPI document the server serves
 * in target/openapi.json. After the tests, {@code com.emporium.testsupport.contract.ContractCheck}
 * validates the traffic against the document, so each integration test is also a contract test.
 */
public final class TrafficLog implements Filter {
    static final Path FILE = Path.of("target", "contract", "traffic.jsonl");
    static final Path DOCUMENT = Path.of("target", "openapi.json");
    /** Product pages are the largest answers, far below this; a larger body is recorded by size only. */
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Created once per test JVM (by Api's static initialiser): each run's log starts empty. */
    TrafficLog(String baseUrl) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.deleteIfExists(FILE);
            saveDocument(baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document is taken from the server the traffic goes to, so a run of a few test classes is
     * checked against its own build's document, not a file left by an earlier run.
     */
    private static void saveDocument(String baseUrl) throws IOException {
        try {
            HttpResponse<String> served = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/openapi"))
                                    .header("Accept", "application/json")
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (served.statusCode() != 200) {
                throw new IOException("GET /openapi answered " + served.statusCode());
            }
            Files.writeString(DOCUMENT, served.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        ObjectNode line = JSON.createObjectNode();
        line.put("method", request.getMethod());
        line.put("path", URI.create(request.getURI()).getRawPath());
        String requestType = request.getContentType();
        line.put("requestType", requestType == null ? "" : requestType);
        if (!request.getMultiPartParams().isEmpty()) {
            line.put("requestBody", "multipart"); // never JSON as a whole; its parts are not checked
        } else {
            body(line, "request", requestType, bytes(request.getBody()));
        }
        line.put("status", answer.statusCode());
        String type = answer.contentType() == null ? "" : answer.contentType();
        line.put("responseType", type);
        // An event stream never ends, so REST Assured cannot have buffered it; nothing to record.
        if (!type.startsWith("text/event-stream")) {
            body(line, "response", type, answer.asByteArray());
        }
        String text;
        try {
            text = JSON.writeValueAsString(line) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (TrafficLog.class) {
            try {
                Files.writeString(
                        FILE, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return answer;
    }

    /** REST Assured has serialised object bodies to a string by the time filters run. */
    private static byte[] bytes(Object body) {
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof byte[] raw) {
            return raw;
        }
        return null; // none, or a stream or file the request consumes: not recorded
    }

    /**
     * A JSON body is stored as JSON ({@code request}/{@code response}); any body as its size
     * ({@code requestBytes}/{@code responseBytes}); a JSON body that does not parse as its text
     * ({@code requestText}/{@code responseText}), which the check reports.
     */
    private static void body(ObjectNode line, String name, String type, byte[] body) {
        if (body == null || body.length == 0) {
            return;
        }
        line.put(name + "Bytes", body.length);
        if (!isJson(type) || body.length > MAX_BODY) {
            return;
        }
        try {
            JsonNode parsed = JSON.readTree(body);
            line.set(name, parsed);
        } catch (IOException e) {
            line.put(name + "Text", new String(body, StandardCharsets.UTF_8));
        }
    }

    /** application/json, application/problem+json and any other +json type (RFC 6839). */
    static boolean isJson(String type) {
        String media = type.split(";")[0].trim().toLowerCase();
        return media.equals("application/json") || media.endsWith("+json");
    }
}
