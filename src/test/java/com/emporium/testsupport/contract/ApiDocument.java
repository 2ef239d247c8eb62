package com.emporium.testsupport.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The served OpenAPI 3.1 document: its operations found by request path, and its schemas as validators.
 * The validator is networknt's json-schema-validator of the 1.5 line, the version the flag provider
 * already brings into the WAR: a second version of the same artifact for the tests would replace that
 * one.
 */
final class ApiDocument {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head");

    /** An operation of the document, its path template turned into a pattern for request paths. */
    record Operation(String method, String template, Pattern pattern, int parameters, String pointer, JsonNode node) {
        String name() {
            return method.toUpperCase() + " " + template;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;

    ApiDocument(JsonNode document) {
        this.document = document;
        document.path("paths").properties().forEach(path -> {
            String template = path.getKey();
            // Each {parameter} matches one segment; everything else is literal.
            String regex = "^"
                    + String.join(
                            "[^/]+",
                            List.of(template.split("\\{[^}]+}", -1)).stream()
                                    .map(Pattern::quote)
                                    .toList())
                    + "$";
            int parameters = (int) template.chars().filter(c -> c == '{').count();
            path.getValue().properties().forEach(op -> {
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Operation(
                            op.getKey(),
                            template,
                            Pattern.compile(regex),
                            parameters,
                            "/paths/" + escape(template) + "/" + op.getKey(),
                            op.getValue()));
                }
            });
        });
        // OAS 3.1's dialect: JSON Schema 2020-12 plus discriminator and the OpenAPI formats (int32,
        // int64, ...). Formats are asserted, so a documented date-time or uuid is held to its format.
        factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(OpenApi31.getInstance())
                        .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
        config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
    }

    List<Operation> operations() {
        return operations;
    }

    /** The operation a request went to: the most literal template wins (/carts/mine before /carts/{id}). */
    Optional<Operation> find(String method, String path) {
        return operations.stream()
                .filter(op -> op.method().equalsIgnoreCase(method)
                        && op.pattern().matcher(path).matches())
                .min(Comparator.comparingInt(Operation::parameters));
    }

    /** The response an answer's status is documented by: the exact code, its range (4XX), or default. */
    static Optional<JsonNode> response(Operation operation, int status) {
        JsonNode responses = operation.node().path("responses");
        for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
            if (responses.has(key)) {
                return Optional.of(responses.get(key));
            }
        }
        return Optional.empty();
    }

    /** The media type entry of a content map that a Content-Type falls under, exact or by range. */
    static Optional<Map.Entry<String, JsonNode>> media(JsonNode content, String contentType) {
        String media = contentType.split(";")[0].trim().toLowerCase();
        String range = media.contains("/") ? media.substring(0, media.indexOf('/')) + "/*" : media;
        for (String key : List.of(media, range, "*/*")) {
            if (content.has(key)) {
                return Optional.of(Map.entry(key, content.get(key)));
            }
        }
        return Optional.empty();
    }

    /** Follows local $refs ("#/components/...") to the node they name. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /**
     * The errors of a value against the schema at a JSON pointer of the document, each as (pointer of
     * the failing value, message). The schema is validated with the document's components beside it,
     * so its local $refs ("#/components/schemas/X") resolve in the copy as in the document.
     */
    List<Map.Entry<String, String>> validate(String schemaPointer, JsonNode value) {
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer, pointer -> {
            ObjectNode standalone = ((ObjectNode) document.at(pointer)).deepCopy();
            standalone.set("components", document.path("components"));
            return factory.getSchema(standalone, config);
        });
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (ValidationMessage error : schema.validate(value)) {
            out.add(Map.entry(error.getInstanceLocation().toString(), message(error)));
        }
        return out;
    }

    /** The validator's message without the location it starts with (the report shows the pointer). */
    private static String message(ValidationMessage error) {
        String message = error.getMessage();
        String location = error.getInstanceLocation().toString();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        return message;
    }

    /** A JSON pointer segment (RFC 6901): ~ and / escaped. */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
