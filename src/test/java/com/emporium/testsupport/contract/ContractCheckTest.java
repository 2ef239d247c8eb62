package com.emporium.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract check on a small document: each kind of mismatch is found, and a true exchange passes. */
class ContractCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {
              "/api/v1/carts/{id}/lines": {"post": {
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Line"}}}},
                "responses": {
                  "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Cart"}}}},
                  "4XX": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
              "/api/v1/carts/mine": {"get": {"responses": {"204": {"description": "Empty"}}}}},
             "components": {"schemas": {
              "Line": {"type": "object", "required": ["sku", "quantity"],
                       "properties": {"sku": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1}},
                       "examples": [{"sku": "TEE-RED-M", "quantity": 0}]},
              "Cart": {"type": "object", "required": ["id"], "properties": {
                "id": {"type": "string", "format": "uuid"},
                "coupon": {"type": ["string", "null"]},
                "lines": {"type": "array", "items": {"$ref": "#/components/schemas/Line"}}}},
              "Problem": {"type": "object", "required": ["type", "status"],
                          "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}}}}
            """;

    private static ContractCheck check(String... exchanges) throws Exception {
        ContractCheck check = new ContractCheck(JSON.readTree(DOCUMENT));
        for (String exchange : exchanges) {
            check.exchange(JSON.readTree(exchange));
        }
        return check;
    }

    private static String post(String request, int status, String type, String response) {
        return """
                {"method": "POST", "path": "/api/v1/carts/c-1/lines", "requestType": "application/json",
                 "requestBytes": 1, "request": %s, "status": %d, "responseType": "%s", "responseBytes": 1,
                 "response": %s}""".formatted(request, status, type, response);
    }

    @Test
    void aTrueExchangePasses() throws Exception {
        ContractCheck check = check(post(
                "{\"sku\": \"A\", \"quantity\": 2}",
                200,
                "application/json",
                "{\"id\": \"3f1c2a9e-8b7d-4c6e-9a51-2d0f7e4b6c13\", \"coupon\": null,"
                        + " \"lines\": [{\"sku\": \"A\", \"quantity\": 2}]}"));
        assertThat(check.mismatches()).isEmpty();
    }

    @Test
    void bodiesAreValidatedAgainstTheirSchemasWithReferencesResolved() throws Exception {
        ContractCheck check = check(post(
                "{\"sku\": 7, \"quantity\": 2}",
                200,
                "application/json",
                "{\"id\": \"not-a-uuid\", \"lines\": [{\"sku\": \"A\"}, {\"sku\": \"B\"}]}"));
        assertThat(check.mismatches())
                .extracting(Mismatch::kind, Mismatch::pointer)
                .containsExactlyInAnyOrder(
                        tuple(Mismatch.REQUEST_BODY, "/sku"),
                        tuple(Mismatch.RESPONSE_BODY, "/id"),
                        tuple(Mismatch.RESPONSE_BODY, "/lines/*"),
                        tuple(Mismatch.RESPONSE_BODY, "/lines/*"));
        assertThat(check.report()).contains("2  POST /api/v1/carts/{id}/lines 200 at /lines/*: required property");
    }

    @Test
    void aRefusedRequestIsNotHeldToTheSchemaButItsProblemIs() throws Exception {
        ContractCheck check = check(post("{\"sku\": 7}", 400, "application/problem+json", "{\"type\": \"/x\"}"));
        assertThat(check.mismatches())
                .extracting(Mismatch::kind, Mismatch::status)
                .containsExactly(tuple(Mismatch.PROBLEM_BODY, "400"));
    }

    @Test
    void statusesMediaTypesAndUndescribedBodiesAreReported() throws Exception {
        ContractCheck check = check(
                post("{\"sku\": \"A\", \"quantity\": 1}", 201, "application/json", "{}"),
                post("{\"sku\": \"A\", \"quantity\": 1}", 200, "text/plain", "null"),
                """
                {"method": "GET", "path": "/api/v1/carts/mine", "status": 204, "responseType": "application/json",
                 "responseBytes": 2, "response": {}}""",
                """
                {"method": "GET", "path": "/api/v1/nothing", "status": 200, "responseType": ""}""",
                """
                {"method": "GET", "path": "/api/v1/nothing", "status": 404, "responseType": ""}""",
                """
                {"method": "GET", "path": "/health", "status": 200, "responseType": "application/json",
                 "responseBytes": 2, "response": {}}""");
        List<String> kinds = check.mismatches().stream().map(Mismatch::kind).toList();
        assertThat(kinds)
                .containsExactly(
                        Mismatch.STATUS, Mismatch.MEDIA_TYPE, Mismatch.UNDESCRIBED_ANSWER, Mismatch.NO_OPERATION);
        // GET /api/v1/carts/mine matched its literal template, not /carts/{id}/lines or another one.
        assertThat(check.mismatches().get(2).operation()).isEqualTo("GET /api/v1/carts/mine");
    }

    @Test
    void examplesAreRequiredAndValidated() throws Exception {
        ContractCheck check = check();
        check.examples();
        assertThat(check.mismatches())
                .extracting(Mismatch::kind, Mismatch::pointer)
                .containsExactly(tuple(Mismatch.EXAMPLE, "/quantity"));

        JsonNode withoutExample = JSON.readTree(DOCUMENT);
        ((ObjectNode) withoutExample.at("/components/schemas/Line")).remove("examples");
        ContractCheck bare = new ContractCheck(withoutExample);
        bare.examples();
        assertThat(bare.mismatches()).extracting(Mismatch::kind).containsExactly(Mismatch.NO_EXAMPLE);
    }
}
