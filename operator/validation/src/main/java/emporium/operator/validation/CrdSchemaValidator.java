package emporium.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Validates custom resources against the openAPIV3Schema of their CustomResourceDefinition,
 * read from a directory of CRD YAML files (never copied into the repository).
 *
 * The structural schema is turned into a JSON Schema (draft 4) the way the API server treats it:
 * an object schema without additionalProperties and without x-kubernetes-preserve-unknown-fields
 * rejects unknown fields (the API server would prune them silently, which hides typos);
 * x-kubernetes-int-or-string becomes integer-or-string; nullable adds null. CEL rules
 * (x-kubernetes-validations) are not evaluated. metadata is checked by the caller.
 */
public final class CrdSchemaValidator {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    public CrdSchemaValidator(Path crdDir) {
        if (!Files.isDirectory(crdDir)) {
            throw new IllegalStateException("CRD schema directory not found: " + crdDir);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(false)
                .build();
        try (Stream<Path> files = Files.list(crdDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                for (Manifest crd : Manifest.read(file)) {
                    if (!"CustomResourceDefinition".equals(crd.kind())) {
                        continue;
                    }
                    JsonNode spec = crd.node().path("spec");
                    String group = spec.path("group").asText();
                    String kind = spec.path("names").path("kind").asText();
                    for (JsonNode v : spec.path("versions")) {
                        JsonNode open = v.path("schema").path("openAPIV3Schema");
                        if (open.isMissingNode()) {
                            continue;
                        }
                        ObjectNode strict = strict(open);
                        ObjectNode props = (ObjectNode) strict.with("properties");
                        props.set("metadata", F.objectNode().put("type", "object"));
                        ArrayNode required = F.arrayNode().add("apiVersion").add("kind").add("metadata");
                        strict.set("required", required);
                        schemas.put(group + "/" + v.path("name").asText() + "/" + kind, factory.getSchema(strict, config));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (schemas.isEmpty()) {
            throw new IllegalStateException("no CustomResourceDefinition with a schema in " + crdDir);
        }
    }

    public boolean handles(Manifest m) {
        return schemas.containsKey(m.apiVersion() + "/" + m.kind());
    }

    public boolean knowsGroup(String group) {
        return schemas.keySet().stream().anyMatch(k -> k.startsWith(group + "/"));
    }

    public List<String> validate(Manifest m) {
        JsonSchema schema = schemas.get(m.apiVersion() + "/" + m.kind());
        if (schema == null) {
            return List.of("no CRD schema for " + m.apiVersion() + " " + m.kind());
        }
        List<String> problems = new ArrayList<>();
        Set<ValidationMessage> messages = schema.validate(m.node());
        for (ValidationMessage msg : messages) {
            problems.add(msg.getMessage());
        }
        problems.sort(String::compareTo);
        return problems;
    }

    /** Converts a Kubernetes structural schema node into a strict draft-4 JSON Schema node. */
    static ObjectNode strict(JsonNode schema) {
        ObjectNode out = F.objectNode();
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean nullable = schema.path("nullable").asBoolean(false);
        Iterator<Map.Entry<String, JsonNode>> it = schema.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.startsWith("x-kubernetes-") || key.equals("nullable") || key.equals("description")) {
                continue;
            }
            switch (key) {
                case "properties", "patternProperties" -> {
                    ObjectNode props = F.objectNode();
                    value.fields().forEachRemaining(p -> props.set(p.getKey(), strict(p.getValue())));
                    out.set(key, props);
                }
                case "items", "not" -> out.set(key, value.isObject() ? strict(value) : value);
                case "additionalProperties" -> out.set(key, value.isObject() ? strict(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode arr = F.arrayNode();
                    value.forEach(s -> arr.add(strict(s)));
                    out.set(key, arr);
                }
                default -> out.set(key, value);
            }
        }
        if (intOrString) {
            out.remove("type");
            out.remove("format");
            ArrayNode any = F.arrayNode();
            any.add(F.objectNode().put("type", "integer"));
            any.add(F.objectNode().put("type", "string"));
            out.set("anyOf", any);
        }
        boolean isObject = "object".equals(out.path("type").asText());
        if (isObject && !preserve && !out.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        if (nullable && out.has("type") && out.get("type").isTextual()) {
            ArrayNode types = F.arrayNode().add(out.get("type").asText()).add("null");
            out.set("type", types);
        }
        return out;
    }
}
