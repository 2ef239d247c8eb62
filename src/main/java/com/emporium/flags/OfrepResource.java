package com.emporium.flags;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.Value;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The OpenFeature Remote Evaluation Protocol (OFREP v1) for flags marked {@code "metadata": {"public":
 * true}}, so a storefront can use OpenFeature's web SDK with the OFREP provider (base URL: this API's
 * root, {@code /api/v1}). A private or unknown key is the same FLAG_NOT_FOUND: clients learn nothing
 * about flags that are not theirs to see. Errors use OFREP's own shape, as its clients expect.
 */
@Path("ofrep/v1/evaluate/flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfrepResource {
    /** OFREP's request body: an evaluation context whose values are strings, numbers or booleans. */
    @Schema(examples = """
            {"context": {"targetingKey": "account-42", "country": "DE"}}""")
    public record EvaluationRequest(JsonObject context) {}

    @Inject
    Client flags;

    @Inject
    FlagFile flagFile;

    @Inject
    RequestFlagContext requestContext;

    @APIResponse(
            responseCode = "200",
            description = "The flag's evaluation (OFREP): `value` and `reason`, or, when the flag could not be"
                    + " evaluated (for example a rule that does not fit the context), `errorCode` and `errorDetails`.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            requiredProperties = {"key"},
                                            properties = {
                                                @SchemaProperty(name = "key", type = SchemaType.STRING),
                                                @SchemaProperty(name = "errorCode", type = SchemaType.STRING),
                                                @SchemaProperty(name = "errorDetails", type = SchemaType.STRING),
                                                @SchemaProperty(
                                                        name = "value",
                                                        description = "A boolean, string, number or object."),
                                                @SchemaProperty(name = "reason", type = SchemaType.STRING),
                                                @SchemaProperty(name = "variant", type = SchemaType.STRING),
                                                @SchemaProperty(name = "metadata", type = SchemaType.OBJECT)
                                            })))
    @APIResponse(
            responseCode = "404",
            description =
                    "No public flag of that key: an OFREP error body (`errorCode` FLAG_NOT_FOUND), as OFREP clients expect.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            requiredProperties = {"key", "errorCode"},
                                            properties = {
                                                @SchemaProperty(name = "key", type = SchemaType.STRING),
                                                @SchemaProperty(name = "errorCode", type = SchemaType.STRING),
                                                @SchemaProperty(name = "errorDetails", type = SchemaType.STRING)
                                            })))
    @POST
    @Path("{key}")
    @PermitAll
    public Response evaluate(@PathParam("key") String key, EvaluationRequest body) {
        MutableContext context = context(body);
        if (!isPublic(key)) {
            return Response.status(404)
                    .entity(error(key, ErrorCode.FLAG_NOT_FOUND, "No public flag '" + truncate(key) + "' exists."))
                    .build();
        }
        return Response.ok(result(key, context)).build();
    }

    @POST
    @PermitAll
    public Map<String, Object> evaluateAll(EvaluationRequest body) {
        MutableContext context = context(body);
        List<Map<String, Object>> results = new ArrayList<>();
        flagFile.current().flags().keySet().stream()
                .filter(this::isPublic)
                .sorted()
                .forEach(key -> results.add(result(key, context)));
        return Map.of("flags", results);
    }

    private Map<String, Object> result(String key, MutableContext context) {
        FlagEvaluationDetails<Value> details = flags.getObjectDetails(key, new Value(), context);
        if (details.getErrorCode() != null) {
            return error(key, details.getErrorCode(), "The flag could not be evaluated.");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("key", key);
        result.put("value", FlagValues.toJava(details.getValue()));
        result.put("reason", details.getReason());
        if (details.getVariant() != null) {
            result.put("variant", details.getVariant());
        }
        result.put("metadata", Map.of());
        return result;
    }

    private boolean isPublic(String key) {
        JsonObject flag = flagFile.current().flags().get(key);
        if (flag == null || !(flag.get("metadata") instanceof JsonObject metadata)) {
            return false;
        }
        return metadata.get("public") == JsonValue.TRUE;
    }

    private MutableContext context(EvaluationRequest body) {
        MutableContext context = new MutableContext();
        JsonObject given = body == null ? null : body.context();
        if (given != null) {
            given.forEach((name, value) -> {
                if (value instanceof JsonString s) {
                    if (name.equals("targetingKey")) {
                        context.setTargetingKey(s.getString());
                    } else {
                        context.add(name, s.getString());
                    }
                } else if (value instanceof JsonNumber n) {
                    // Targeting compares numbers (JsonLogic); these are attributes, never amounts of money.
                    context.add(name, n.doubleValue());
                } else if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                    context.add(name, value == JsonValue.TRUE);
                }
            });
        }
        return requestContext.applyCaller(context);
    }

    private static Map<String, Object> error(String key, ErrorCode code, String details) {
        return Map.of("key", truncate(key), "errorCode", code.name(), "errorDetails", details);
    }

    private static String truncate(String key) {
        return key.length() > 100 ? key.substring(0, 100) : key;
    }
}
