package com.emporium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request body field, discovered from the served OpenAPI document, so that endpoints added later
 * are covered without touching this class. Whole-number fields must refuse fractions and values past
 * their type's range; required fields must be refused when missing; either way nothing changes.
 *
 * <p>The only hand-written part is {@link #TARGETS}: how to build a valid request for each operation
 * whose body has a whole-number field, and a probe of what it would change. An operation with such a field
 * and no entry fails the test, so nobody can forget one.
 */
class RequestFieldsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_ROOT = "/api/v1";

    /** A valid request: path parameters, extra headers, a body, and a probe of the state it would change. */
    record Target(
            Map<String, Object> pathParams,
            Map<String, String> headers,
            Map<String, Object> body,
            Supplier<String> state) {}

    /** One operation's body field: its path of property names and list positions, and its schema. */
    record Field(String operation, List<Object> path, JsonNode schema) {
        /** The name the problem's {@code errors[].field} uses: property names joined by dots. */
        String dotted() {
            return String.join(
                    ".",
                    path.stream()
                            .filter(p -> p instanceof String)
                            .map(String.class::cast)
                            .toList());
        }
    }

    private static final Map<String, Supplier<Target>> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("POST /api/v1/admin/categories", () -> {
            String slug = Api.unique("fcat");
            return new Target(
                    Map.of(),
                    Map.of(),
                    body("slug", slug, "name", "Fields category", "position", 1),
                    () -> query("SELECT count(*) FROM category WHERE slug = ?", slug));
        });
        TARGETS.put("PUT /api/v1/admin/categories/{id}", () -> {
            String slug = CatalogFixture.category(null);
            long id = Long.parseLong(query("SELECT id FROM category WHERE slug = ?", slug));
            return new Target(
                    Map.of("id", id),
                    Map.of("If-Match", etag("/api/v1/admin/categories/{id}", id)),
                    body("slug", slug, "name", "Renamed", "position", 2),
                    () -> get("/api/v1/admin/categories/{id}", id));
        });
        TARGETS.put("POST /api/v1/admin/products", () -> {
            String category = CatalogFixture.category(null);
            Map<String, Object> product = CatalogFixture.productBody(
                    category, "Fields product", List.of(CatalogFixture.variant(Api.unique("FSKU"), 1500, Map.of())));
            product.put("images", List.of(body("url", "https://img.example/a.jpg", "width", 10, "height", 10)));
            return new Target(
                    Map.of(),
                    Map.of(),
                    product,
                    () -> query("SELECT count(*) FROM product WHERE slug = ?", product.get("slug")));
        });
        TARGETS.put("POST /api/v1/admin/products/{id}/variants", () -> {
            long id = productId();
            return new Target(
                    Map.of("id", id),
                    Map.of("If-Match", etag("/api/v1/admin/products/{id}", id)),
                    CatalogFixture.variant(Api.unique("FSKU"), 1700, Map.of()),
                    () -> get("/api/v1/admin/products/{id}", id));
        });
        TARGETS.put("PUT /api/v1/admin/variants/{id}", () -> {
            long product = productId();
            long variant = Long.parseLong(query("SELECT id FROM variant WHERE product_id = ?", product));
            String sku = query("SELECT sku FROM variant WHERE id = ?", variant);
            return new Target(
                    Map.of("id", variant),
                    Map.of("If-Match", query("SELECT '\"' || version || '\"' FROM variant WHERE id = ?", variant)),
                    CatalogFixture.variant(sku, 1900, Map.of()),
                    () -> get("/api/v1/admin/products/{id}", product));
        });
        TARGETS.put("POST /api/v1/admin/inventory/stock/{sku}/receipts", () -> {
            String sku = sku();
            return new Target(
                    Map.of("sku", sku), Map.of(), body("quantity", 5, "reason", "delivery"), () -> stock(sku));
        });
        TARGETS.put("POST /api/v1/admin/inventory/stock/{sku}/adjustments", () -> {
            String sku = sku();
            return new Target(Map.of("sku", sku), Map.of(), body("delta", 1, "reason", "found"), () -> stock(sku));
        });
        TARGETS.put("PUT /api/v1/admin/inventory/stock/{sku}/locations/{location}", () -> {
            String sku = sku();
            return new Target(
                    Map.of("sku", sku, "location", "main"),
                    Map.of(),
                    body("onHand", 7, "reason", "cycle count"),
                    () -> stock(sku));
        });
        TARGETS.put("POST /api/v1/admin/inventory/locations", () -> {
            String code = Api.unique("floc");
            return new Target(
                    Map.of(),
                    Map.of(),
                    body("code", code, "name", "Fields location", "priority", 3),
                    () -> query("SELECT count(*) FROM stock_location WHERE code = ?", code));
        });
        TARGETS.put("POST /api/v1/reservations", () -> {
            String sku = sku();
            Api.as("staff")
                    .contentType("application/json")
                    .body(Map.of("quantity", 10, "reason", "stock for holds"))
                    .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                    .then()
                    .statusCode(200);
            return new Target(
                    Map.of(),
                    Map.of(),
                    body("lines", List.of(body("sku", sku, "quantity", 2))),
                    () -> stock(sku) + query("SELECT count(*) FROM reservation_line WHERE sku = ?", sku));
        });
    }

    static {
        TARGETS.put("POST /api/v1/carts/{id}/lines", () -> {
            String sku = sku();
            Response cart = Api.as("admin").post("/api/v1/carts");
            cart.then().statusCode(201);
            String id = cart.path("id");
            return new Target(
                    Map.of("id", id),
                    Map.of("If-Match", cartTag(id)),
                    body("sku", sku, "quantity", 2),
                    () -> get("/api/v1/carts/{id}", id));
        });
        TARGETS.put("PATCH /api/v1/carts/{id}/lines/{sku}", () -> {
            String sku = sku();
            Response cart = Api.as("admin").post("/api/v1/carts");
            cart.then().statusCode(201);
            String id = cart.path("id");
            Response added = Api.as("admin")
                    .contentType("application/json")
                    .header("If-Match", cartTag(id))
                    .body(body("sku", sku, "quantity", 1))
                    .post("/api/v1/carts/{id}/lines", id);
            added.then().statusCode(200);
            return new Target(
                    Map.of("id", id, "sku", sku),
                    Map.of("If-Match", cartTag(id)),
                    body("quantity", 3),
                    () -> get("/api/v1/carts/{id}", id));
        });
        TARGETS.put(
                "PUT /api/v1/admin/tax-rates",
                () -> new Target(
                        Map.of(),
                        Map.of(),
                        body("country", "LU", "taxClass", "reduced", "name", "TVA réduite", "basisPoints", 800),
                        () -> get("/api/v1/admin/tax-rates")));
        TARGETS.put("POST /api/v1/admin/webhooks", () -> {
            String url = "http://127.0.0.1:9/" + Api.unique("fields");
            return new Target(
                    Map.of(),
                    Map.of(),
                    body("url", url, "eventTypes", List.of("order.cancelled")),
                    () -> query("SELECT count(*) FROM webhook_endpoint WHERE url = ?", url));
        });
        TARGETS.put("POST /api/v1/admin/promotions", () -> {
            String code = Api.unique("FIELDS").toUpperCase();
            return new Target(
                    Map.of(),
                    Map.of(),
                    body(
                            "code",
                            code,
                            "kind",
                            "FIXED",
                            "value",
                            500,
                            "currency",
                            "EUR",
                            "minSubtotal",
                            1000,
                            "usageLimit",
                            3),
                    () -> query("SELECT count(*) FROM promotion WHERE upper(code) = ?", code));
        });
        TARGETS.put("PATCH /api/v1/admin/promotions/{id}", () -> {
            String code = Api.unique("FIELDS").toUpperCase();
            long id = Api.admin()
                    .contentType("application/json")
                    .body(Map.of("code", code, "kind", "FIXED", "value", 500, "currency", "EUR"))
                    .post("/api/v1/admin/promotions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            return new Target(
                    Map.of("id", id),
                    Map.of(),
                    body("value", 700, "minSubtotal", 1000, "usageLimit", 3, "perCustomerLimit", 2),
                    () -> query(
                            "SELECT concat_ws('/', value, min_subtotal, usage_limit, per_customer_limit)"
                                    + " FROM promotion WHERE id = ?",
                            id));
        });
        TARGETS.put("POST /api/v1/orders", () -> {
            String sku = sku();
            Api.as("staff")
                    .contentType("application/json")
                    .body(Map.of("quantity", 5, "reason", "stock for an order"))
                    .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                    .then()
                    .statusCode(200);
            Response cart = Api.as("admin").post("/api/v1/carts");
            cart.then().statusCode(201);
            String id = cart.path("id");
            Api.as("admin")
                    .contentType("application/json")
                    .header("If-Match", cartTag(id))
                    .body(body("sku", sku, "quantity", 1))
                    .post("/api/v1/carts/{id}/lines", id)
                    .then()
                    .statusCode(200);
            Map<String, Object> address = body(
                    "name",
                    "Erika Mustermann",
                    "line1",
                    "Heidestraße 17",
                    "city",
                    "Köln",
                    "postalCode",
                    "51147",
                    "country",
                    "DE");
            return new Target(
                    Map.of(),
                    Map.of("Idempotency-Key", Api.unique("fields")),
                    body(
                            "cartId",
                            id,
                            "email",
                            Api.unique("fields") + "@it.emporium.local",
                            "shippingAddress",
                            address,
                            "shippingMethod",
                            "eu-standard",
                            "points",
                            0),
                    () -> query("SELECT count(*) FROM customer_order WHERE cart_id = ?", id));
        });
        TARGETS.put("POST /api/v1/admin/loyalty/accounts/{id}/adjustments", () -> {
            String account =
                    Long.toString(com.emporium.testsupport.Accounts.customer().id());
            return new Target(
                    Map.of("id", account),
                    Map.of(),
                    body("points", 5, "reason", "goodwill"),
                    () -> query("SELECT count(*) FROM loyalty_entry WHERE account = ?", account));
        });
        TARGETS.put(
                "POST /api/v1/me/addresses",
                () -> new Target(
                        Map.of(),
                        Map.of(),
                        body("label", "home", "address", com.emporium.testsupport.CheckoutAddress.GERMAN),
                        () -> get("/api/v1/me/addresses")));
        TARGETS.put("PUT /api/v1/me/addresses/{id}", () -> {
            Object id = Api.as("admin")
                    .contentType("application/json")
                    .body(body("address", com.emporium.testsupport.CheckoutAddress.GERMAN))
                    .post("/api/v1/me/addresses")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            return new Target(
                    Map.of("id", id),
                    Map.of(),
                    body("label", "office", "address", com.emporium.testsupport.CheckoutAddress.GERMAN),
                    () -> get("/api/v1/me/addresses"));
        });
        TARGETS.put("POST /api/v1/admin/orders/{id}/notes", () -> {
            long order = paidOrder();
            return new Target(
                    Map.of("id", order),
                    Map.of(),
                    body("text", "fields note"),
                    () -> get("/api/v1/admin/orders/{id}/notes", order));
        });
        TARGETS.put("POST /api/v1/admin/orders/{id}/fulfillments", () -> {
            long order = paidOrder();
            String sku = query("SELECT sku FROM order_line WHERE order_id = ?", order);
            return new Target(
                    Map.of("id", order),
                    Map.of(),
                    body("lines", List.of(body("sku", sku, "quantity", 1)), "carrier", "DHL", "trackingNumber", "T1"),
                    () -> get("/api/v1/admin/orders/{id}", order));
        });
        TARGETS.put("POST /api/v1/admin/orders/{id}/refunds", () -> {
            long order = paidOrder();
            String sku = query("SELECT sku FROM order_line WHERE order_id = ?", order);
            return new Target(
                    Map.of("id", order),
                    Map.of("Idempotency-Key", Api.unique("fields")),
                    body("lines", List.of(body("sku", sku, "quantity", 1)), "shipping", false, "restock", false),
                    () -> get("/api/v1/admin/orders/{id}", order));
        });
    }

    /** The current version of a cart the test admin owns. */
    private static String cartTag(String id) {
        return Api.as("admin")
                .get("/api/v1/carts/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** A guest order of one unit of a fresh SKU, paid with the test provider. */
    private static long paidOrder() {
        String sku = sku();
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("quantity", 5, "reason", "stock for an order"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                .then()
                .statusCode(200);
        Response cart = Api.anonymous().post("/api/v1/carts");
        cart.then().statusCode(201);
        String id = cart.path("id");
        String token = cart.path("token");
        Api.anonymous()
                .header("Cart-Token", token)
                .header(
                        "If-Match",
                        Api.anonymous()
                                .header("Cart-Token", token)
                                .get("/api/v1/carts/{id}", id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .header("ETag"))
                .contentType("application/json")
                .body(body("sku", sku, "quantity", 1))
                .post("/api/v1/carts/{id}/lines", id)
                .then()
                .statusCode(200);
        Map<String, Object> address = body(
                "name",
                "Erika Mustermann",
                "line1",
                "Heidestraße 17",
                "city",
                "Köln",
                "postalCode",
                "51147",
                "country",
                "DE");
        Response placed = Api.anonymous()
                .header("Cart-Token", token)
                .header("Idempotency-Key", Api.unique("fields"))
                .contentType("application/json")
                .body(body(
                        "cartId",
                        id,
                        "email",
                        Api.unique("fields") + "@it.emporium.local",
                        "shippingAddress",
                        address,
                        "shippingMethod",
                        "eu-standard"))
                .post("/api/v1/orders");
        placed.then().statusCode(201);
        long order = ((Number) placed.path("id")).longValue();
        Api.anonymous()
                .header("Order-Token", placed.<String>path("accessToken"))
                .contentType("application/json")
                .body(body("provider", "test"))
                .post("/api/v1/orders/{id}/payments", order)
                .then()
                .statusCode(200);
        return order;
    }

    private static JsonNode openApi;

    @BeforeAll
    static void readTheDocument() throws JsonProcessingException {
        openApi = JSON.readTree(Api.anonymous()
                .queryParam("format", "JSON")
                .get("/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void everyWholeNumberFieldRefusesFractionsAndValuesPastItsRange() {
        List<Field> fields = fields(this::isWholeNumber);
        assertThat(fields)
                .as("the document's whole-number body fields")
                .extracting(f -> f.operation() + " " + f.dotted())
                .contains(
                        "POST /api/v1/admin/inventory/stock/{sku}/receipts quantity",
                        "PUT /api/v1/admin/inventory/stock/{sku}/locations/{location} onHand",
                        "POST /api/v1/reservations lines.quantity",
                        "POST /api/v1/admin/products variants.price.amount");
        for (String operation : operations(fields)) {
            Target target = target(operation);
            String before = target.state().get();
            for (Field field : fields) {
                if (!field.operation().equals(operation)) {
                    continue;
                }
                for (Object bad : refusedValues(field.schema())) {
                    Response answer = send(operation, target, with(target.body(), field.path(), bad));
                    assertFieldRefused(answer, operation + " " + field.dotted() + "=" + bad, field.dotted());
                }
            }
            assertThat(target.state().get()).as("%s changed nothing", operation).isEqualTo(before);
            assertAccepted(operation, target);
        }
    }

    @Test
    void everyRequiredFieldIsRefusedWhenMissing() {
        List<Field> fields = fields(this::isRequired);
        assertThat(fields)
                .extracting(f -> f.operation() + " " + f.dotted())
                .contains(
                        "PUT /api/v1/admin/inventory/stock/{sku}/locations/{location} onHand",
                        "POST /api/v1/admin/inventory/stock/{sku}/receipts quantity",
                        "POST /api/v1/admin/inventory/stock/{sku}/adjustments delta",
                        "POST /api/v1/reservations lines.quantity",
                        "POST /api/v1/admin/products variants.price.amount");
        for (String operation : operations(fields)) {
            if (!TARGETS.containsKey(operation)) {
                // Bodies with required text only (credentials, roles) are covered by their features' tests.
                continue;
            }
            Target target = target(operation);
            String before = target.state().get();
            for (Field field : fields) {
                if (field.operation().equals(operation)) {
                    Response answer = send(operation, target, without(target.body(), field.path()));
                    assertFieldRefused(answer, operation + " without " + field.dotted(), field.dotted());
                }
            }
            assertThat(target.state().get()).as("%s changed nothing", operation).isEqualTo(before);
            assertAccepted(operation, target);
        }
    }

    /** The issue's own example: a misspelt field is refused by name instead of zeroing the stock. */
    @Test
    void aMisspeltFieldIsRefusedByName() {
        Target target = target("PUT /api/v1/admin/inventory/stock/{sku}/locations/{location}");
        String before = target.state().get();
        Response answer = send(
                "PUT /api/v1/admin/inventory/stock/{sku}/locations/{location}",
                target,
                body("onHand", 38, "on_hand", 38, "reason", "cycle count"));
        assertFieldRefused(answer, "on_hand", "on_hand");
        assertThat(answer.jsonPath().getString("errors[0].message")).isEqualTo("is not a property of this request");
        assertThat(target.state().get()).isEqualTo(before);
    }

    private static void assertFieldRefused(Response answer, String what, String field) {
        assertThat(answer.statusCode()).as(what + ": " + answer.asString()).isEqualTo(400);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getString("type")).as(what).isEqualTo("/problems/validation");
        assertThat(answer.jsonPath().getList("errors.field", String.class))
                .as(what + ": " + answer.asString())
                .anySatisfy(f -> assertThat(f.replaceAll("\\[\\d+]", "")).isEqualTo(field));
    }

    /** The valid body itself goes through, so each 400 above was about the one field changed. */
    private static void assertAccepted(String operation, Target target) {
        Response answer = send(operation, target, target.body());
        assertThat(answer.statusCode())
                .as(operation + " valid body: " + answer.asString())
                .isBetween(200, 299);
    }

    private static Target target(String operation) {
        Supplier<Target> target = TARGETS.get(operation);
        assertThat(target)
                .as(
                        "RequestFieldsIT.TARGETS needs a valid request for %s (it has whole-number or required body"
                                + " fields)",
                        operation)
                .isNotNull();
        return target.get();
    }

    /** A fraction, a value just past each end of the type's range, and a huge value. */
    private static List<Object> refusedValues(JsonNode schema) {
        boolean int32 = "int32".equals(schema.path("format").asText());
        BigInteger max = BigInteger.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE);
        BigInteger min = BigInteger.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE);
        return List.of(
                new BigDecimal("1.5"),
                new BigDecimal("19.99"),
                max.add(BigInteger.ONE),
                min.subtract(BigInteger.ONE),
                new BigInteger("18446744073709551621"),
                new BigDecimal("1e300"));
    }

    private boolean isWholeNumber(JsonNode schema, boolean required) {
        JsonNode type = schema.path("type");
        return type.isArray()
                ? java.util.stream.StreamSupport.stream(type.spliterator(), false)
                        .anyMatch(t -> "integer".equals(t.asText()))
                : "integer".equals(type.asText());
    }

    private boolean isRequired(JsonNode schema, boolean required) {
        return required;
    }

    interface FieldFilter {
        boolean test(JsonNode schema, boolean required);
    }

    /** Every body field of every operation that the filter accepts. */
    private static List<Field> fields(FieldFilter filter) {
        List<Field> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String url = path.getKey().startsWith(API_ROOT) ? path.getKey() : API_ROOT + path.getKey();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode schema = operation
                        .getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                if (!schema.isMissingNode()) {
                    walk(operation.getKey().toUpperCase() + " " + url, List.of(), resolve(schema), filter, found, 0);
                }
            }
        }
        return found;
    }

    private static void walk(
            String operation, List<Object> path, JsonNode schema, FieldFilter filter, List<Field> found, int depth) {
        assertThat(depth).as("schema nesting of %s", operation).isLessThan(10);
        if (schema.has("items")) {
            List<Object> item = new ArrayList<>(path);
            item.add(0);
            walk(operation, item, resolve(schema.get("items")), filter, found, depth + 1);
            return;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties =
                schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            List<Object> at = new ArrayList<>(path);
            at.add(property.getKey());
            JsonNode propertySchema = resolve(property.getValue());
            if (filter.test(propertySchema, required.contains(property.getKey()))) {
                found.add(new Field(operation, at, propertySchema));
            }
            walk(operation, at, propertySchema, filter, found, depth + 1);
        }
    }

    /** Follows {@code $ref} and unwraps single-schema {@code allOf}/{@code anyOf}/{@code oneOf}. */
    private static JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return resolve(openApi.at(ref.substring(1)));
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                for (JsonNode option : schema.get(combinator)) {
                    JsonNode resolved = resolve(option);
                    if (resolved.has("properties")
                            || resolved.has("type")
                                    && !"null".equals(resolved.path("type").asText())) {
                        return resolved;
                    }
                }
            }
        }
        return schema;
    }

    private static List<String> operations(List<Field> fields) {
        return fields.stream().map(Field::operation).distinct().toList();
    }

    private static Response send(String operation, Target target, Object body) {
        String[] parts = operation.split(" ", 2);
        try {
            return Api.as("admin")
                    .contentType("application/json")
                    .headers(target.headers())
                    .pathParams(target.pathParams())
                    .body(JSON.writeValueAsString(body))
                    .request(parts[0], parts[1]);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** A deep copy of the body with the value at {@code path} replaced. */
    @SuppressWarnings("unchecked")
    private static Object with(Map<String, Object> body, List<Object> path, Object value) {
        Object copy = JSON.convertValue(body, Object.class);
        Object container = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            container = step(container, path.get(i), path.subList(0, i + 1));
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((List<Object>) container).set(index, value);
        } else {
            ((Map<String, Object>) container).put((String) last, value);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object without(Map<String, Object> body, List<Object> path) {
        Object copy = JSON.convertValue(body, Object.class);
        Object container = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            container = step(container, path.get(i), path.subList(0, i + 1));
        }
        ((Map<String, Object>) container).remove((String) path.get(path.size() - 1));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object step(Object container, Object key, List<Object> at) {
        Object next = key instanceof Integer index
                ? ((List<Object>) container).get(index)
                : ((Map<String, Object>) container).get(key);
        assertThat(next).as("the valid body in TARGETS must contain %s", at).isNotNull();
        return next;
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private static long productId() {
        Map<String, Object> product = CatalogFixture.product(CatalogFixture.category(null), "Fields product", 1500);
        return ((Number) product.get("id")).longValue();
    }

    private static String sku() {
        Map<String, Object> product = CatalogFixture.product(CatalogFixture.category(null), "Fields stock", 1500);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variants = (List<Map<String, Object>>) product.get("variants");
        return (String) variants.get(0).get("sku");
    }

    private static String etag(String path, Object id) {
        return Api.admin().get(path, id).then().statusCode(200).extract().header("ETag");
    }

    private static String get(String path, Object... params) {
        return Api.admin().get(path, params).then().statusCode(200).extract().asString();
    }

    private static String stock(String sku) {
        return get("/api/v1/admin/inventory/stock/{sku}", sku)
                + get("/api/v1/admin/inventory/stock/{sku}/movements", sku);
    }

    private static String query(String sql, Object... params) {
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "postgres", "");
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
