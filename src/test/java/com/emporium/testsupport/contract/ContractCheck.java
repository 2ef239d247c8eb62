package com.emporium.testsupport.contract;

import com.emporium.testsupport.contract.ApiDocument.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The API contract, checked after the integration tests: every exchange they recorded
 * (target/contract/traffic.jsonl, written by TrafficLog) against the OpenAPI document the server
 * served (target/openapi.json). Each answer's status must be documented for its operation, with the
 * media type it was sent as, and its JSON body must validate against the schema documented there
 * (errors against the Problem schema); each JSON request body the server accepted must validate
 * against the operation's request schema. Every request body of the document must carry an example
 * that validates too. Bound to the verify phase (pom.xml): any mismatch fails the build, and the
 * report, grouped by kind, goes to the console and to target/contract/report.txt.
 */
public final class ContractCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiDocument document;
    private final List<Mismatch> mismatches = new ArrayList<>();
    private int checked;

    ContractCheck(JsonNode document) {
        this.document = new ApiDocument(document);
    }

    public static void main(String[] args) throws IOException {
        Path documentFile = Path.of(args.length > 0 ? args[0] : "target/openapi.json");
        Path trafficFile = Path.of(args.length > 1 ? args[1] : "target/contract/traffic.jsonl");
        Path reportFile = Path.of(args.length > 2 ? args[2] : "target/contract/report.txt");
        if (!Files.exists(trafficFile)) {
            // No integration test ran through REST Assured in this build (-Dit.test=... of others only).
            System.out.println("api contract: no traffic recorded, nothing to check");
            return;
        }
        ContractCheck check = new ContractCheck(JSON.readTree(documentFile.toFile()));
        check.examples();
        try (BufferedReader lines = Files.newBufferedReader(trafficFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    check.exchange(JSON.readTree(line));
                }
            }
        }
        String report = check.report();
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, report);
        System.out.print(report);
        if (!check.mismatches.isEmpty()) {
            System.exit(1);
        }
    }

    List<Mismatch> mismatches() {
        return mismatches;
    }

    /** Every request body of the document has an example, and each example fits the body's schema. */
    void examples() {
        for (Operation op : document.operations()) {
            JsonNode content = op.node().path("requestBody").path("content");
            content.properties().forEach(media -> {
                if (!media.getValue().has("schema")) {
                    return;
                }
                String mediaPointer = op.pointer() + "/requestBody/content/" + ApiDocument.escape(media.getKey());
                String schemaPointer = mediaPointer + "/schema";
                List<JsonNode> examples = new ArrayList<>();
                JsonNode entry = media.getValue();
                if (entry.has("example")) {
                    examples.add(entry.get("example"));
                }
                entry.path("examples").forEach(example -> {
                    JsonNode resolved = document.resolve(example);
                    if (resolved.has("value")) {
                        examples.add(resolved.get("value"));
                    }
                });
                JsonNode schema = document.resolve(entry.get("schema"));
                if (schema.has("example")) {
                    examples.add(schema.get("example"));
                }
                schema.path("examples").forEach(examples::add);
                if (examples.isEmpty()) {
                    mismatches.add(new Mismatch(Mismatch.NO_EXAMPLE, op.name(), "", "", media.getKey()));
                }
                for (JsonNode example : examples) {
                    document.validate(schemaPointer, example)
                            .forEach(error -> mismatches.add(
                                    new Mismatch(Mismatch.EXAMPLE, op.name(), "", error.getKey(), error.getValue())));
                }
            });
        }
    }

    /** One recorded exchange. */
    void exchange(JsonNode exchange) {
        String method = exchange.path("method").asText();
        String path = exchange.path("path").asText();
        int status = exchange.path("status").asInt();
        // Only the API is described by the document: the storefront's files, /openapi, /health and
        // the admin center are not. A CORS preflight is answered by the CORS filter for every path,
        // before any operation, so it is no operation's answer either.
        if (!path.startsWith("/api/") || method.equals("OPTIONS")) {
            return;
        }
        checked++;
        Optional<Operation> found = document.find(method, path);
        if (found.isEmpty()) {
            if (status != 404 && status != 405) { // a path or method that does not exist, answered as such
                mismatches.add(new Mismatch(Mismatch.NO_OPERATION, method + " " + path, "", "", ""));
            }
            return;
        }
        Operation op = found.get();
        request(op, exchange, status);
        Optional<JsonNode> documented = ApiDocument.response(op, status);
        if (documented.isEmpty()) {
            mismatches.add(new Mismatch(Mismatch.STATUS, op.name(), Integer.toString(status), "", ""));
            return;
        }
        answer(op, documented.get(), exchange, status);
    }

    private void request(Operation op, JsonNode exchange, int status) {
        // Only a body the server accepted is held to the schema: the tests send invalid bodies on
        // purpose to see them refused (400, 415, 422), and the document need not describe those.
        if (status < 200 || status >= 300 || !exchange.has("requestBytes")) {
            return;
        }
        String type = exchange.path("requestType").asText();
        JsonNode content = op.node().path("requestBody").path("content");
        if (content.isEmpty()) {
            mismatches.add(new Mismatch(Mismatch.UNDESCRIBED_REQUEST, op.name(), "", "", type));
            return;
        }
        Optional<Map.Entry<String, JsonNode>> media = ApiDocument.media(content, type);
        if (media.isEmpty()) {
            mismatches.add(new Mismatch(Mismatch.REQUEST_MEDIA_TYPE, op.name(), "", "", type));
            return;
        }
        if (exchange.has("requestText")) {
            mismatches.add(new Mismatch(Mismatch.NOT_JSON, op.name(), "request", "", type));
        }
        if (exchange.has("request") && media.get().getValue().has("schema")) {
            String pointer = op.pointer() + "/requestBody/content/"
                    + ApiDocument.escape(media.get().getKey()) + "/schema";
            report(Mismatch.REQUEST_BODY, op, "", pointer, exchange.get("request"));
        }
    }

    private void answer(Operation op, JsonNode documented, JsonNode exchange, int status) {
        String code = Integer.toString(status);
        String type = exchange.path("responseType").asText();
        boolean hasBody = exchange.has("responseBytes");
        JsonNode content = documented.path("content");
        if (!hasBody) {
            // A HEAD answer and a 304 carry the headers of a body without the body (RFC 9110, 9.3.2, 15.4.5);
            // an event stream stays open, so the recorder keeps its head only (LiveStockIT reads the events).
            boolean bodiless = op.method().equals("head") || status == 304 || type.startsWith("text/event-stream");
            if (!bodiless && status < 300 && hasSchema(content)) {
                mismatches.add(new Mismatch(Mismatch.MISSING_ANSWER, op.name(), code, "", ""));
            }
            return;
        }
        if (content.isEmpty()) {
            mismatches.add(new Mismatch(Mismatch.UNDESCRIBED_ANSWER, op.name(), code, "", type));
            return;
        }
        Optional<Map.Entry<String, JsonNode>> media = ApiDocument.media(content, type);
        if (media.isEmpty()) {
            mismatches.add(new Mismatch(Mismatch.MEDIA_TYPE, op.name(), code, "", type));
            return;
        }
        if (exchange.has("responseText")) {
            mismatches.add(new Mismatch(Mismatch.NOT_JSON, op.name(), code, "", type));
            return;
        }
        if (!exchange.has("response")) {
            return; // not a JSON media type: the document's schema describes a file or a stream
        }
        if (!media.get().getValue().has("schema")) {
            mismatches.add(new Mismatch(Mismatch.UNDESCRIBED_ANSWER, op.name(), code, "", type));
            return;
        }
        String pointer = op.pointer() + "/responses/" + ApiDocument.escape(responseKey(op, status)) + "/content/"
                + ApiDocument.escape(media.get().getKey()) + "/schema";
        String kind = type.startsWith("application/problem+json") ? Mismatch.PROBLEM_BODY : Mismatch.RESPONSE_BODY;
        report(kind, op, code, pointer, exchange.get("response"));
    }

    private static boolean hasSchema(JsonNode content) {
        for (JsonNode media : content) {
            if (media.has("schema")) {
                return true;
            }
        }
        return false;
    }

    private static String responseKey(Operation op, int status) {
        JsonNode responses = op.node().path("responses");
        for (String key : List.of(Integer.toString(status), (status / 100) + "XX")) {
            if (responses.has(key)) {
                return key;
            }
        }
        return "default";
    }

    private void report(String kind, Operation op, String status, String schemaPointer, JsonNode value) {
        document.validate(schemaPointer, value)
                .forEach(error -> mismatches.add(
                        new Mismatch(kind, op.name(), status, generic(error.getKey()), error.getValue())));
    }

    /** Array indices become *, so one fault in every element of a list is one case, not one per element. */
    private static String generic(String pointer) {
        return pointer.replaceAll("/\\d+(?=/|$)", "/*");
    }

    /** Mismatches grouped by kind, then by case, each with how often it occurred. */
    String report() {
        Map<String, Map<String, Integer>> byKind = new TreeMap<>();
        for (Mismatch mismatch : mismatches) {
            byKind.computeIfAbsent(mismatch.kind(), kind -> new TreeMap<>())
                    .merge(mismatch.describe(), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        int cases = byKind.values().stream().mapToInt(Map::size).sum();
        Consumer<String> line = text -> out.append(text).append('\n');
        byKind.forEach((kind, found) -> {
            line.accept(kind + ": "
                    + found.values().stream().mapToInt(Integer::intValue).sum() + " in " + found.size() + " cases");
            found.forEach((text, count) -> line.accept(String.format("  %5d  %s", count, text)));
        });
        line.accept("api contract: " + checked + " exchanges with /api checked, " + mismatches.size()
                + " mismatches in " + cases + " cases"
                + (mismatches.isEmpty() ? "" : " (" + String.join(", ", byKind.keySet()) + ")"));
        return out.toString();
    }
}
