package com.emporium.platform.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the scanned document with what every operation shares, so that resources only declare
 * what is their own. The rules follow the HTTP edge, which answers the same way for every endpoint:
 *
 * <ul>
 *   <li>every operation can answer 401 (a token that fails verification is refused even where none is
 *       needed; the credential operations also answer it to wrong credentials), 406 (Accept), 414
 *       (request line), 429 (rate limit), 500 and 503 (a passing outage);
 *   <li>parameters or a body can be refused with 400; a body also with 413 and 415;
 *   <li>everything under admin/ and me/ is secured (deny by default) and answers 403 without the role;
 *       a write also answers 403 to a browser-mode request from a foreign Origin or without CSRF token;
 *   <li>a path parameter or a body names something that may not exist (or is not the caller's): 404;
 *   <li>a write can conflict with the current state (409) or be refused by a business rule (422);
 *   <li>{@code If-Match} gives 412 when stale and 428 when missing.
 * </ul>
 *
 * Every error is {@code application/problem+json} with the {@code Problem} schema; every answer carries
 * {@code X-Request-Id}. An operation that documents a status itself keeps its own description.
 */
public class ApiContract implements OASFilter {
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("400", "The request is malformed or a field is invalid; `errors` lists each field."),
            Map.entry(
                    "401",
                    "No valid access token where one is needed, a token that fails verification, or wrong"
                            + " credentials (`WWW-Authenticate: Bearer`)."),
            Map.entry(
                    "403",
                    "The caller's role does not allow this operation, or a browser-mode write came from a"
                            + " foreign Origin or without the CSRF token."),
            Map.entry("406", "`Accept` names no media type the operation answers with."),
            Map.entry("404", "Not found, or not the caller's (never a 403 that would confirm it exists)."),
            Map.entry("409", "The request conflicts with the current state (`type` says which rule)."),
            Map.entry("412", "`If-Match` names a version that is no longer current."),
            Map.entry("413", "The body is larger than the limit."),
            Map.entry("414", "The request line is longer than the limit."),
            Map.entry("415", "The body is not `application/json`."),
            Map.entry("422", "The request is well-formed but a business rule refuses it (`type` says which)."),
            Map.entry("428", "`If-Match` is required."),
            Map.entry("429", "Too many requests; retry after `Retry-After` seconds."),
            Map.entry("500", "A fault on the server; `detail` carries the incident id for support."),
            Map.entry("503", "A dependency is briefly unavailable; retry after `Retry-After` seconds."));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("Problem", problemSchema());
        components.addSchema("FieldError", fieldErrorSchema());
        components.addHeader("X-Request-Id", header("Correlates the answer with the server's logs.", "string"));
        // Shared by the resources through @Header(ref = "ETag") and @APIResponse(ref = "Created").
        components.addHeader(
                "ETag",
                header(
                        "The representation's version; send it as If-None-Match (reads) or If-Match (writes).",
                        "string"));
        components.addHeader("Location", header("The new resource.", "string"));
        components.addResponse(
                "Created",
                OASFactory.createAPIResponse()
                        .description("Created; `Location` names the new resource.")
                        .addHeader("Location", OASFactory.createHeader().ref("Location"))
                        .addHeader("X-Request-Id", OASFactory.createHeader().ref("X-Request-Id")));
        components.addHeader("Retry-After", header("Seconds to wait before retrying.", "integer"));
        components.addHeader("RateLimit-Limit", header("Requests allowed in the current window.", "integer"));
        components.addHeader("RateLimit-Remaining", header("Requests left in the current window.", "integer"));
        components.addHeader("RateLimit-Reset", header("Seconds until the window resets.", "integer"));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) ->
                        item.getOperations().forEach((method, operation) -> complete(path, method, item, operation)));
        // Every tag an operation uses is declared once, so generated clients group operations by it.
        Set<String> declared = new TreeSet<>();
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(tag -> declared.add(tag.getName()));
        }
        Set<String> used = new TreeSet<>();
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(op -> {
                    if (op.getTags() != null) {
                        used.addAll(op.getTags());
                    }
                }));
        used.removeAll(declared);
        used.forEach(tag -> openAPI.addTag(OASFactory.createTag().name(tag).description(describe(tag))));
    }

    private static String describe(String tag) {
        if (tag.startsWith("admin ")) {
            return "Staff operations on " + tag.substring("admin ".length()) + " (roles in docs/security.md).";
        }
        if (tag.startsWith("me ")) {
            return "The signed-in customer's own " + tag.substring("me ".length()) + ".";
        }
        return "Storefront operations on " + tag + ".";
    }

    private static void complete(String path, PathItem.HttpMethod method, PathItem item, Operation operation) {
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.addTag(tagOf(path));
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean body = operation.getRequestBody() != null;
        // Deny by default: everything under admin/ and me/ needs a token, whether or not the scanner
        // derived the requirement from the resource's @RolesAllowed.
        if ((operation.getSecurity() == null || operation.getSecurity().isEmpty())
                && (path.contains("/admin/") || path.matches(".*/me(/.*)?$"))) {
            operation.addSecurityRequirement(
                    OASFactory.createSecurityRequirement().addScheme("jwt"));
        }
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean pathParameter = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean ifMatch = parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));

        // 401 everywhere: a token that fails verification is refused even where none is needed, and the
        // credential operations (login, refresh) answer 401 for wrong credentials.
        List<String> codes = new ArrayList<>(List.of("401", "406", "414", "429", "500", "503"));
        if (body || !parameters.isEmpty()) {
            codes.add("400");
        }
        if (body) {
            // A body can name what does not exist (a SKU, a cart), as a path parameter can.
            codes.addAll(List.of("404", "413", "415"));
        }
        if (secured || write) {
            // Writes: a browser-mode request from a foreign Origin or without the CSRF token is refused.
            codes.add("403");
        }
        if (pathParameter) {
            codes.add("404");
        }
        if (write) {
            codes.addAll(List.of("409", "422"));
        }
        if (ifMatch) {
            codes.addAll(List.of("412", "428"));
        }
        for (String code : codes) {
            if (!responses.hasAPIResponse(code)) {
                responses.addAPIResponse(code, problem(code));
            }
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().values().forEach(ApiContract::withRequestId);
        }
    }

    /** The first path segment after the version ("carts", "orders"); admin endpoints get "admin ..." tags. */
    static String tagOf(String path) {
        String[] segments = path.replaceFirst("^/api/v\\d+/", "").split("/");
        if (segments.length == 0 || segments[0].isEmpty() || segments[0].startsWith("{")) {
            return "platform";
        }
        if ((segments[0].equals("admin") || segments[0].equals("me")) && segments.length > 1) {
            return segments[0] + " " + segments[1].toLowerCase(Locale.ROOT);
        }
        return segments[0].toLowerCase(Locale.ROOT);
    }

    private static APIResponse problem(String code) {
        APIResponse response = OASFactory.createAPIResponse()
                .description(ERRORS.get(code))
                .content(OASFactory.createContent()
                        .addMediaType(
                                PROBLEM_JSON,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
        if (code.equals("429")) {
            response.addHeader("Retry-After", OASFactory.createHeader().ref("Retry-After"));
            response.addHeader("RateLimit-Limit", OASFactory.createHeader().ref("RateLimit-Limit"));
            response.addHeader("RateLimit-Remaining", OASFactory.createHeader().ref("RateLimit-Remaining"));
            response.addHeader("RateLimit-Reset", OASFactory.createHeader().ref("RateLimit-Reset"));
        } else if (code.equals("503")) {
            response.addHeader("Retry-After", OASFactory.createHeader().ref("Retry-After"));
        }
        return response;
    }

    private static void withRequestId(APIResponse response) {
        if (response.getRef() == null
                && (response.getHeaders() == null || !response.getHeaders().containsKey("X-Request-Id"))) {
            response.addHeader("X-Request-Id", OASFactory.createHeader().ref("X-Request-Id"));
        }
    }

    private static Header header(String description, String type) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.valueOf(type.toUpperCase(Locale.ROOT))));
    }

    /** RFC 9457, with this API's {@code errors} member for field violations. */
    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. Clients switch on `type`; `detail` is for people.")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty("type", string("A stable identifier of the problem, such as `/problems/validation`."))
                .addProperty("title", string("A short summary of the problem type."))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("The HTTP status code."))
                .addProperty("detail", string("What went wrong with this request, for people."))
                .addProperty("instance", string("The request path, or the incident id of a server fault."))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .description("Each invalid field or parameter (validation problems only).")
                                .items(OASFactory.createSchema().ref("FieldError")))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addRequired("field")
                .addRequired("message")
                .addProperty(
                        "field", string("The field's path in the body (`variants[0].sku`) or the parameter's name."))
                .addProperty("message", string("Why the value was refused."));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
