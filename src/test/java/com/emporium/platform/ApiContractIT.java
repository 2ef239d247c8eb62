package com.emporium.platform;

import static com.emporium.testsupport.Api.anonymous;
import static com.emporium.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document describes the errors: every operation lists the problem answers the HTTP
 * edge can give it, with the RFC 9457 schema, and real error answers are documented for the operation
 * that gave them and match that schema. The whole suite's traffic is checked against the document
 * after the tests (ContractCheck); this test looks at the document itself.
 */
class ApiContractIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        Response served = anonymous().accept("application/json").get("/openapi");
        served.then().statusCode(200);
        document = JSON.readTree(served.asString());
    }

    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (METHODS.contains(op.getKey())) {
                        out.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
                    }
                }));
        return out;
    }

    @Test
    void everyOperationDocumentsItsProblemsWithTheProblemSchema() {
        List<String> missing = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> op : operations()) {
            JsonNode responses = op.getValue().get("responses");
            List<String> expected = new ArrayList<>(List.of("401", "414", "429", "500", "503"));
            if (op.getValue().has("security") && !op.getValue().get("security").isEmpty()) {
                expected.add("403");
            }
            if (op.getValue().has("requestBody")) {
                expected.addAll(List.of("400", "413", "415"));
            }
            for (String code : expected) {
                JsonNode schema = responses
                        .path(code)
                        .path("content")
                        .path("application/problem+json")
                        .path("schema");
                if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                    missing.add(op.getKey() + " " + code);
                }
            }
            String id = op.getValue().path("operationId").asText("");
            if (id.isEmpty() || !operationIds.add(id)) {
                missing.add(op.getKey() + " has no unique operationId: '" + id + "'");
            }
            if (!op.getValue().has("tags") || op.getValue().get("tags").isEmpty()) {
                missing.add(op.getKey() + " has no tag");
            }
        }
        assertThat(operations()).hasSizeGreaterThan(80);
        assertThat(missing).isEmpty();
        assertThat(document.at("/components/schemas/Problem/required").toString())
                .contains("type")
                .contains("status");
        assertThat(document.at("/components/securitySchemes/jwt/scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void realErrorAnswersAreDocumentedForTheirOperationAndFitTheSchema() throws IOException {
        // One answer of each common kind, from operations of different features.
        check("GET /api/v1/admin/accounts/{id}", anonymous().get("/api/v1/admin/accounts/1"), 401);
        check("GET /api/v1/admin/accounts/{id}", as("customer").get("/api/v1/admin/accounts/1"), 403);
        check("GET /api/v1/products/{slug}", anonymous().get("/api/v1/products/no-such-product-anywhere"), 404);
        check(
                "POST /api/v1/carts/{id}/lines",
                anonymous()
                        .contentType("application/json")
                        .body("{\"sku\":")
                        .post("/api/v1/carts/00000000-0000-0000-0000-000000000000/lines"),
                400);
        check(
                "POST /api/v1/admin/categories",
                as("admin").contentType("text/plain").body("x").post("/api/v1/admin/categories"),
                415);
    }

    private static void check(String operation, Response answer, int status) throws IOException {
        assertThat(answer.statusCode()).as(operation).isEqualTo(status);
        assertThat(answer.contentType()).as(operation).startsWith("application/problem+json");
        String[] parts = operation.split(" ", 2);
        JsonNode documented = document.path("paths")
                .path(parts[1])
                .path(parts[0].toLowerCase())
                .path("responses")
                .path(Integer.toString(status));
        assertThat(documented.isMissingNode())
                .as(operation + " documents " + status)
                .isFalse();
        assertThat(documented.path("content").has("application/problem+json"))
                .as(operation)
                .isTrue();
        JsonNode body = JSON.readTree(answer.asString());
        JsonNode schema = document.at("/components/schemas/Problem");
        for (JsonNode required : schema.get("required")) {
            assertThat(body.has(required.asText()))
                    .as(operation + " answer has " + required)
                    .isTrue();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode property = schema.path("properties").path(field.getKey());
            if (!property.isMissingNode()) {
                String type = property.path("type").asText();
                boolean fits = switch (type) {
                    case "string" -> field.getValue().isTextual();
                    case "integer" -> field.getValue().isIntegralNumber();
                    case "array" -> field.getValue().isArray();
                    default -> true;
                };
                assertThat(fits)
                        .as(operation + " field " + field.getKey() + " is a " + type)
                        .isTrue();
            }
        }
        assertThat(body.get("status").asInt()).isEqualTo(status);
    }
}
