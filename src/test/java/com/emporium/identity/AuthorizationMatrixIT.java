package com.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import com.emporium.testsupport.CheckoutAddress;
import com.emporium.testsupport.Endpoints;
import com.emporium.testsupport.Endpoints.Endpoint;
import com.emporium.testsupport.Eventually;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix: every endpoint found by reflection × five callers × {own, other's,
 * missing} resource, each answer compared with the policy declared below. A caller outside the
 * policy gets 401 (anonymous) or 403 before the resource is even looked up, so nothing leaks about
 * its existence; a caller inside gets through, except that someone else's resource and a missing one
 * both answer 404.
 */
class AuthorizationMatrixIT {
    private static final Set<String> ANYONE = Set.of("anonymous", "customerA", "customerB", "staff", "admin");
    private static final Set<String> SIGNED_IN = Set.of("customerA", "customerB", "staff", "admin");
    private static final Set<String> STAFF = Set.of("staff", "admin");
    private static final Set<String> ADMIN = Set.of("admin");

    /** What a path parameter points at; owned kinds belong to one account and are hidden from others. */
    enum Kind {
        NONE,
        LOCATION,
        PRODUCT_SLUG,
        CATEGORY,
        PRODUCT,
        VARIANT,
        ACCOUNT,
        SESSION,
        SKU,
        RESERVATION,
        FLAG,
        /** A cart: a guest's is opened by its Cart-Token, a customer's by the owner's token. */
        CART,
        /** A guest cart that the caller holds the token of (own) or does not (other). */
        GUEST_CART,
        /** An order: a guest's is opened by its Order-Token, a customer's by the owner's token. */
        ORDER,
        /** Any order, as staff see it. */
        ANY_ORDER,
        /** An address in the caller's address book (own) or another customer's (other). */
        ADDRESS,
        /** A promotion, as staff see it. */
        PROMOTION,
        /** An outgoing webhook endpoint. */
        WEBHOOK,
        /** An endpoint with one delivery (path parameters {id} and {deliveryId}). */
        WEBHOOK_DELIVERY
    }

    record Rule(Kind kind, Set<String> allowed) {}

    /** The policy table (docs/security.md shows the same). */
    private static final Map<String, Rule> POLICY = new LinkedHashMap<>();

    static {
        POLICY.put("GET /api/v1/categories", new Rule(Kind.NONE, ANYONE));
        POLICY.put("GET /api/v1/products", new Rule(Kind.NONE, ANYONE));
        POLICY.put("GET /api/v1/products/{slug}", new Rule(Kind.PRODUCT_SLUG, ANYONE));
        POLICY.put("POST /api/v1/auth/register", new Rule(Kind.NONE, ANYONE));
        POLICY.put("POST /api/v1/auth/login", new Rule(Kind.NONE, ANYONE));
        POLICY.put("POST /api/v1/auth/refresh", new Rule(Kind.NONE, ANYONE));
        POLICY.put("POST /api/v1/auth/logout", new Rule(Kind.NONE, ANYONE));
        POLICY.put("GET /api/v1/me", new Rule(Kind.NONE, SIGNED_IN));
        POLICY.put("POST /api/v1/me/password", new Rule(Kind.NONE, SIGNED_IN));
        POLICY.put("GET /api/v1/me/sessions", new Rule(Kind.NONE, SIGNED_IN));
        POLICY.put("DELETE /api/v1/me/sessions/{id}", new Rule(Kind.SESSION, SIGNED_IN));
        POLICY.put("POST /api/v1/admin/categories", new Rule(Kind.NONE, STAFF));
        POLICY.put("GET /api/v1/admin/categories/{id}", new Rule(Kind.CATEGORY, STAFF));
        POLICY.put("PUT /api/v1/admin/categories/{id}", new Rule(Kind.CATEGORY, STAFF));
        POLICY.put("DELETE /api/v1/admin/categories/{id}", new Rule(Kind.CATEGORY, ADMIN));
        POLICY.put("POST /api/v1/admin/products", new Rule(Kind.NONE, STAFF));
        POLICY.put("GET /api/v1/admin/products/{id}", new Rule(Kind.PRODUCT, STAFF));
        POLICY.put("PUT /api/v1/admin/products/{id}", new Rule(Kind.PRODUCT, STAFF));
        POLICY.put("DELETE /api/v1/admin/products/{id}", new Rule(Kind.PRODUCT, STAFF));
        POLICY.put("POST /api/v1/admin/products/{id}/variants", new Rule(Kind.PRODUCT, STAFF));
        POLICY.put("GET /api/v1/admin/variants/{id}", new Rule(Kind.VARIANT, STAFF));
        POLICY.put("PUT /api/v1/admin/variants/{id}", new Rule(Kind.VARIANT, STAFF));
        POLICY.put("DELETE /api/v1/admin/variants/{id}", new Rule(Kind.VARIANT, STAFF));
        POLICY.put("POST /api/v1/admin/accounts", new Rule(Kind.NONE, ADMIN));
        POLICY.put("GET /api/v1/admin/accounts/{id}", new Rule(Kind.ACCOUNT, ADMIN));
        POLICY.put("PUT /api/v1/admin/accounts/{id}/role", new Rule(Kind.ACCOUNT, ADMIN));
        POLICY.put("DELETE /api/v1/admin/accounts/{id}", new Rule(Kind.ACCOUNT, ADMIN));
        POLICY.put("GET /api/v1/admin/audit", new Rule(Kind.NONE, ADMIN));
        POLICY.put("GET /api/v1/inventory/stream", new Rule(Kind.NONE, ANYONE));
        POLICY.put("POST /api/v1/reservations", new Rule(Kind.NONE, SIGNED_IN));
        POLICY.put("GET /api/v1/reservations/{id}", new Rule(Kind.RESERVATION, SIGNED_IN));
        POLICY.put("POST /api/v1/reservations/{id}/extension", new Rule(Kind.RESERVATION, SIGNED_IN));
        POLICY.put("DELETE /api/v1/reservations/{id}", new Rule(Kind.RESERVATION, SIGNED_IN));
        POLICY.put("GET /api/v1/admin/inventory/stock/{sku}", new Rule(Kind.SKU, STAFF));
        POLICY.put("POST /api/v1/admin/inventory/stock/{sku}/receipts", new Rule(Kind.SKU, STAFF));
        POLICY.put("POST /api/v1/admin/inventory/stock/{sku}/adjustments", new Rule(Kind.SKU, STAFF));
        POLICY.put("PUT /api/v1/admin/inventory/stock/{sku}/locations/{location}", new Rule(Kind.SKU, STAFF));
        POLICY.put("GET /api/v1/admin/inventory/stock/{sku}/movements", new Rule(Kind.SKU, STAFF));
        POLICY.put("GET /api/v1/admin/inventory/locations", new Rule(Kind.NONE, STAFF));
        POLICY.put("POST /api/v1/admin/inventory/locations", new Rule(Kind.NONE, ADMIN));
        POLICY.put("GET /api/v1/admin/inventory/locations/{code}", new Rule(Kind.LOCATION, STAFF));
        POLICY.put("POST /api/v1/admin/inventory/sweeps", new Rule(Kind.NONE, ADMIN));
        POLICY.put("POST /api/v1/ofrep/v1/evaluate/flags", new Rule(Kind.NONE, ANYONE));
        POLICY.put("POST /api/v1/ofrep/v1/evaluate/flags/{key}", new Rule(Kind.FLAG, ANYONE));
        POLICY.put("GET /api/v1/admin/flags", new Rule(Kind.NONE, ADMIN));
        POLICY.put("POST /api/v1/carts", new Rule(Kind.NONE, ANYONE));
        POLICY.put("GET /api/v1/carts/{id}", new Rule(Kind.CART, ANYONE));
        POLICY.put("PATCH /api/v1/carts/{id}", new Rule(Kind.CART, ANYONE));
        POLICY.put("POST /api/v1/carts/{id}/lines", new Rule(Kind.CART, ANYONE));
        POLICY.put("PATCH /api/v1/carts/{id}/lines/{sku}", new Rule(Kind.CART, ANYONE));
        POLICY.put("DELETE /api/v1/carts/{id}/lines/{sku}", new Rule(Kind.CART, ANYONE));
        POLICY.put("POST /api/v1/carts/{id}/claim", new Rule(Kind.GUEST_CART, SIGNED_IN));
        POLICY.put("POST /api/v1/orders", new Rule(Kind.NONE, ANYONE));
        POLICY.put("GET /api/v1/orders/{id}", new Rule(Kind.ORDER, ANYONE));
        POLICY.put("POST /api/v1/orders/{id}/payments", new Rule(Kind.ORDER, ANYONE));
        POLICY.put("GET /api/v1/me/orders", new Rule(Kind.NONE, SIGNED_IN));
        POLICY.put("GET /api/v1/admin/orders", new Rule(Kind.NONE, STAFF));
        POLICY.put("GET /api/v1/admin/orders/{id}", new Rule(Kind.ANY_ORDER, STAFF));
        POLICY.put("POST /api/v1/admin/orders/{id}/fulfillments", new Rule(Kind.ANY_ORDER, STAFF));
        POLICY.put("POST /api/v1/admin/orders/{id}/shipment", new Rule(Kind.ANY_ORDER, STAFF));
        POLICY.put("POST /api/v1/admin/orders/{id}/delivery", new Rule(Kind.ANY_ORDER, STAFF));
        POLICY.put("POST /api/v1/admin/orders/{id}/cancellation", new Rule(Kind.ANY_ORDER, STAFF));
        POLICY.put("POST /api/v1/admin/orders/{id}/refunds", new Rule(Kind.ANY_ORDER, STAFF));
        POLICY.put("POST /api/v1/admin/orders/sweeps", new Rule(Kind.NONE, ADMIN));
        // Stripe authenticates its webhook by signature, so the endpoint is open to all (unsigned: 400).
        POLICY.put("POST /api/v1/payments/stripe/webhook", new Rule(Kind.NONE, ANYONE));
        POLICY.put("POST /api/v1/admin/payments/reconciliation", new Rule(Kind.NONE, STAFF));
        POLICY.put("GET /api/v1/admin/promotions", new Rule(Kind.NONE, STAFF));
        POLICY.put("POST /api/v1/admin/promotions", new Rule(Kind.NONE, STAFF));
        POLICY.put("GET /api/v1/admin/promotions/{id}", new Rule(Kind.PROMOTION, STAFF));
        POLICY.put("PATCH /api/v1/admin/promotions/{id}", new Rule(Kind.PROMOTION, STAFF));
        POLICY.put("GET /api/v1/admin/tax-rates", new Rule(Kind.NONE, STAFF));
        POLICY.put("PUT /api/v1/admin/tax-rates", new Rule(Kind.NONE, STAFF));
        POLICY.put("GET /api/v1/me/loyalty", new Rule(Kind.NONE, SIGNED_IN));
        POLICY.put("GET /api/v1/me/loyalty/entries", new Rule(Kind.NONE, SIGNED_IN));
        POLICY.put("GET /api/v1/me/addresses", new Rule(Kind.NONE, SIGNED_IN));
        POLICY.put("POST /api/v1/me/addresses", new Rule(Kind.NONE, SIGNED_IN));
        POLICY.put("PUT /api/v1/me/addresses/{id}", new Rule(Kind.ADDRESS, SIGNED_IN));
        POLICY.put("DELETE /api/v1/me/addresses/{id}", new Rule(Kind.ADDRESS, SIGNED_IN));
        POLICY.put("GET /api/v1/admin/orders/{id}/notes", new Rule(Kind.ANY_ORDER, STAFF));
        POLICY.put("POST /api/v1/admin/orders/{id}/notes", new Rule(Kind.ANY_ORDER, STAFF));
        POLICY.put("GET /api/v1/admin/loyalty/accounts/{id}", new Rule(Kind.ACCOUNT, STAFF));
        POLICY.put("POST /api/v1/admin/loyalty/accounts/{id}/adjustments", new Rule(Kind.ACCOUNT, STAFF));
        POLICY.put("GET /api/v1/admin/loyalty/drift", new Rule(Kind.NONE, ADMIN));
        POLICY.put("POST /api/v1/admin/loyalty/expiry", new Rule(Kind.NONE, ADMIN));
        POLICY.put("POST /api/v1/auth/password-reset", new Rule(Kind.NONE, ANYONE));
        POLICY.put("POST /api/v1/auth/password-reset/confirm", new Rule(Kind.NONE, ANYONE));
        POLICY.put("POST /api/v1/admin/webhooks", new Rule(Kind.NONE, ADMIN));
        POLICY.put("GET /api/v1/admin/webhooks", new Rule(Kind.NONE, ADMIN));
        POLICY.put("GET /api/v1/admin/webhooks/{id}", new Rule(Kind.WEBHOOK, ADMIN));
        POLICY.put("PUT /api/v1/admin/webhooks/{id}", new Rule(Kind.WEBHOOK, ADMIN));
        POLICY.put("DELETE /api/v1/admin/webhooks/{id}", new Rule(Kind.WEBHOOK, ADMIN));
        POLICY.put("GET /api/v1/admin/webhooks/{id}/deliveries", new Rule(Kind.WEBHOOK, STAFF));
        POLICY.put(
                "POST /api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redelivery",
                new Rule(Kind.WEBHOOK_DELIVERY, ADMIN));
    }

    private static final Map<String, Accounts.Login> CALLERS = new LinkedHashMap<>();
    private static String category;
    /** Stocked once, so every order the matrix places can hold a unit. */
    private static String orderSku;
    /** Headers the target needs (a guest's Cart-Token or Order-Token), set while the target is made. */
    private static Map<String, String> targetHeaders = Map.of();
    /** The delivery of a WEBHOOK_DELIVERY target, set while the target is made. */
    private static String targetDelivery = "987654321";

    @BeforeAll
    static void callers() {
        CALLERS.put("anonymous", null);
        CALLERS.put("customerA", Accounts.customer());
        CALLERS.put("customerB", Accounts.customer());
        CALLERS.put("staff", Accounts.withRole("staff"));
        CALLERS.put("admin", Accounts.withRole("admin"));
        category = CatalogFixture.category(null);
        orderSku = firstSku(CatalogFixture.product(category, "Matrix order item", 1000));
        Api.admin()
                .contentType("application/json")
                .body(Map.of("quantity", 100_000, "reason", "matrix"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", orderSku)
                .then()
                .statusCode(200);
    }

    @Test
    void thePolicyCoversExactlyTheEndpointsThatExist() {
        Set<String> found = Endpoints.all().stream().map(Endpoint::key).collect(Collectors.toSet());
        assertThat(POLICY.keySet()).as("policy rows").containsExactlyInAnyOrderElementsOf(found);
    }

    @Test
    void everyCellAgreesWithThePolicy() {
        List<String> disagreements = new ArrayList<>();
        int cells = 0;
        for (Endpoint endpoint : Endpoints.all()) {
            Rule rule = POLICY.get(endpoint.key());
            assertThat(rule).as("policy row for %s", endpoint.key()).isNotNull();
            List<String> targets = rule.kind() == Kind.NONE ? List.of("-") : List.of("own", "other", "missing");
            for (String caller : CALLERS.keySet()) {
                for (String target : targets) {
                    cells++;
                    String expected = expected(rule, caller, target);
                    Response response = call(endpoint, rule.kind(), caller, target);
                    String actual = outcome(response.statusCode());
                    if (!expected.equals(actual)) {
                        disagreements.add(endpoint.key() + " as " + caller + " on " + target + ": expected " + expected
                                + ", got " + response.statusCode() + " " + response.asString());
                    }
                }
            }
        }
        System.out.println("Authorization matrix: " + Endpoints.all().size() + " endpoints, " + cells + " cells");
        assertThat(disagreements).as("cells that disagree with the policy").isEmpty();
        assertThat(cells).isGreaterThan(200);
    }

    private static String expected(Rule rule, String caller, String target) {
        if (!rule.allowed().contains(caller)) {
            return caller.equals("anonymous") ? "401" : "403";
        }
        return switch (target) {
            case "missing" -> "404";
            case "other" ->
                Set.of(Kind.SESSION, Kind.RESERVATION, Kind.CART, Kind.GUEST_CART, Kind.ORDER, Kind.ADDRESS)
                                .contains(rule.kind())
                        ? "404"
                        : "allowed";
            default -> "allowed";
        };
    }

    private static String outcome(int status) {
        return switch (status) {
            case 401, 403, 404 -> Integer.toString(status);
            default -> status >= 500 ? "server error" : "allowed";
        };
    }

    private static Response call(Endpoint endpoint, Kind kind, String caller, String target) {
        Accounts.Login login = CALLERS.get(caller);
        RequestSpecification request = Api.anonymous()
                .header("X-Forwarded-For", Accounts.clientIp())
                .contentType("application/json")
                .header("If-Match", "\"0\"");
        if (login != null) {
            request.auth().oauth2(login.accessToken());
        }
        String path = endpoint.path();
        if (kind != Kind.NONE) {
            targetHeaders = Map.of();
            targetDelivery = "987654321";
            path = path.replaceFirst("\\{[a-z]+}", idFor(kind, caller, target))
                    .replace("{location}", "main")
                    .replace("{sku}", orderSku)
                    .replace("{deliveryId}", targetDelivery);
            targetHeaders.forEach(request::header);
        }
        if (endpoint.key().endsWith("/refunds")) {
            // A refund needs a key before the order is looked up; with one, a missing order is a 404.
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        Object body = bodyFor(endpoint.key());
        if (body != null) {
            request.body(body);
        }
        return request.request(endpoint.httpMethod(), path);
    }

    private static String idFor(Kind kind, String caller, String target) {
        if (target.equals("missing")) {
            return switch (kind) {
                case PRODUCT_SLUG -> Api.unique("no-such-product");
                case SESSION, CART, GUEST_CART -> UUID.randomUUID().toString();
                default -> "987654321";
            };
        }
        return switch (kind) {
            case PRODUCT_SLUG ->
                CatalogFixture.product(category, "Matrix product", 1000)
                        .get("slug")
                        .toString();
            case CATEGORY ->
                createdId(Api.admin()
                        .contentType("application/json")
                        .body(Map.of("slug", Api.unique("mcat"), "name", "Matrix category"))
                        .post("/api/v1/admin/categories"));
            case PRODUCT ->
                CatalogFixture.product(category, "Matrix product", 1000)
                        .get("id")
                        .toString();
            case VARIANT -> {
                Map<String, Object> product = CatalogFixture.product(category, "Matrix product", 1000, 2000);
                yield ((Map<?, ?>) ((List<?>) product.get("variants")).get(0))
                        .get("id")
                        .toString();
            }
            case ACCOUNT -> Long.toString(Accounts.customer().id());
            case SESSION -> {
                String owner = target.equals("own") && !caller.equals("anonymous")
                        ? caller
                        : caller.equals("customerA") ? "customerB" : "customerA";
                yield newSession(CALLERS.get(owner).email());
            }
            case SKU -> firstSku(CatalogFixture.product(category, "Matrix product", 1000));
            case RESERVATION -> {
                String owner = target.equals("own") && !caller.equals("anonymous")
                        ? caller
                        : caller.equals("customerA") ? "customerB" : "customerA";
                yield newReservation(CALLERS.get(owner));
            }
            case LOCATION -> "main";
            // A public flag of the test servers' flag file (src/test/resources/it-flags.json).
            case FLAG -> "storefront-new-product-page";
            case CART -> {
                String owner = target.equals("own") ? caller : caller.equals("customerA") ? "customerB" : "customerA";
                Map<String, String> cart = newCart(CALLERS.get(owner));
                if (target.equals("own")) {
                    targetHeaders = headersOf(cart);
                }
                yield cart.get("id");
            }
            case GUEST_CART -> {
                Map<String, String> cart = newCart(null);
                if (target.equals("own")) {
                    targetHeaders = headersOf(cart);
                }
                yield cart.get("id");
            }
            case ORDER -> {
                String owner = target.equals("own") ? caller : caller.equals("customerA") ? "customerB" : "customerA";
                Map<String, String> order = newOrder(CALLERS.get(owner));
                if (target.equals("own")) {
                    targetHeaders = Map.of("Order-Token", order.get("Order-Token"));
                }
                yield order.get("id");
            }
            case ANY_ORDER -> newOrder(null).get("id");
            case PROMOTION ->
                createdId(Api.admin()
                        .contentType("application/json")
                        .body(Map.of("code", Api.unique("MATRIX").toUpperCase(), "kind", "PERCENTAGE", "value", 5))
                        .post("/api/v1/admin/promotions"));
            case ADDRESS -> {
                String owner = target.equals("own") && !caller.equals("anonymous")
                        ? caller
                        : caller.equals("customerA") ? "customerB" : "customerA";
                yield CALLERS.get(owner)
                        .api()
                        .contentType("application/json")
                        .body(Map.of("address", CheckoutAddress.GERMAN))
                        .post("/api/v1/me/addresses")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id")
                        .toString();
            }
            case WEBHOOK ->
                createdId(Api.admin()
                        .contentType("application/json")
                        .body(webhookBody())
                        .post("/api/v1/admin/webhooks"));
            case WEBHOOK_DELIVERY -> {
                String endpoint = createdId(Api.admin()
                        .contentType("application/json")
                        .body(Map.of("url", "http://127.0.0.1:9/matrix", "eventTypes", List.of("order.placed")))
                        .post("/api/v1/admin/webhooks"));
                newOrder(null);
                Eventually.await(
                        "a delivery for the matrix endpoint",
                        Duration.ofSeconds(30),
                        () -> !Api.admin()
                                .get("/api/v1/admin/webhooks/{id}/deliveries", endpoint)
                                .jsonPath()
                                .getList("id")
                                .isEmpty());
                targetDelivery = Api.admin()
                        .get("/api/v1/admin/webhooks/{id}/deliveries", endpoint)
                        .jsonPath()
                        .getString("[0].id");
                yield endpoint;
            }
            case NONE -> throw new IllegalArgumentException();
        };
    }

    /** A cart with one line: a guest's (owner null, answered with its Cart-Token) or the owner's. */
    private static Map<String, String> newCart(Accounts.Login owner) {
        Response created = (owner == null ? Api.anonymous() : owner.api()).post("/api/v1/carts");
        created.then().statusCode(201);
        String id = created.path("id");
        RequestSpecification add = owner == null ? Api.anonymous() : owner.api();
        if (owner == null) {
            add.header("Cart-Token", created.path("token"));
        }
        add.contentType("application/json")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("sku", orderSku, "quantity", 1))
                .post("/api/v1/carts/{id}/lines", id)
                .then()
                .statusCode(200);
        return owner == null ? Map.of("id", id, "Cart-Token", created.path("token")) : Map.of("id", id);
    }

    /** Only the headers of a cart answer from {@link #newCart}. */
    private static Map<String, String> headersOf(Map<String, String> cart) {
        return cart.containsKey("Cart-Token") ? Map.of("Cart-Token", cart.get("Cart-Token")) : Map.of();
    }

    /** An unpaid order of one unit, placed by the owner (or a guest when null); answers its id and Order-Token. */
    private static Map<String, String> newOrder(Accounts.Login owner) {
        Map<String, String> cart = newCart(owner);
        RequestSpecification api = owner == null ? Api.anonymous() : owner.api();
        if (cart.containsKey("Cart-Token")) {
            api.header("Cart-Token", cart.get("Cart-Token"));
        }
        Response placed = api.contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "cartId",
                        cart.get("id"),
                        "email",
                        "matrix@it.emporium.local",
                        "shippingMethod",
                        "eu-standard",
                        "shippingAddress",
                        Map.of(
                                "name", "Matrix",
                                "line1", "Street 1",
                                "city", "Berlin",
                                "postalCode", "10115",
                                "country", "DE")))
                .post("/api/v1/orders");
        placed.then().statusCode(201);
        return Map.of("id", placed.path("id").toString(), "Order-Token", placed.path("accessToken"));
    }

    private static Map<String, Object> webhookBody() {
        return Map.of("url", "http://127.0.0.1:9/matrix", "eventTypes", List.of("order.cancelled"));
    }

    private static String createdId(Response response) {
        response.then().statusCode(201);
        return response.path("id").toString();
    }

    private static String firstSku(Map<String, Object> product) {
        return ((Map<?, ?>) ((List<?>) product.get("variants")).get(0))
                .get("sku")
                .toString();
    }

    /** A one-unit hold of a freshly stocked SKU, owned by the given account. */
    private static String newReservation(Accounts.Login owner) {
        String sku = firstSku(CatalogFixture.product(category, "Matrix product", 1000));
        Api.admin()
                .contentType("application/json")
                .body(Map.of("quantity", 1, "reason", "matrix"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                .then()
                .statusCode(200);
        return createdId(owner.api()
                .contentType("application/json")
                .body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .post("/api/v1/reservations"));
    }

    /** Logs the account in once more and answers the id of that new session. */
    private static String newSession(String email) {
        Accounts.Login login = Accounts.login(email, Accounts.PASSWORD);
        return login.api().get("/api/v1/me/sessions").jsonPath().getString("find { it.current }.id");
    }

    /** Valid bodies, so that callers who pass the check reach the lookup (and a missing id is a 404). */
    private static Object bodyFor(String key) {
        Supplier<Map<String, Object>> variant = () -> CatalogFixture.variant(Api.unique("MSKU"), 1500, Map.of());
        return switch (key) {
            case "POST /api/v1/auth/register", "POST /api/v1/auth/login", "POST /api/v1/me/password" -> Map.of();
            case "POST /api/v1/auth/refresh" ->
                Map.of("refreshToken", Accounts.customer().refreshToken());
            case "POST /api/v1/auth/logout" -> Map.of("refreshToken", "not-a-token");
            case "POST /api/v1/ofrep/v1/evaluate/flags", "POST /api/v1/ofrep/v1/evaluate/flags/{key}" ->
                Map.of("context", Map.of());
            case "POST /api/v1/admin/categories" -> Map.of("slug", Api.unique("mcat"), "name", "Matrix category");
            case "PATCH /api/v1/admin/promotions/{id}" -> Map.of("name", "Matrix promotion");
            case "PUT /api/v1/admin/categories/{id}" -> Map.of("slug", Api.unique("mcat"), "name", "Renamed");
            case "POST /api/v1/admin/products" ->
                CatalogFixture.productBody(category, "Matrix product", List.of(variant.get()));
            case "PUT /api/v1/admin/products/{id}" ->
                Map.of("name", "Renamed", "description", "", "category", category, "status", "ACTIVE");
            case "POST /api/v1/admin/products/{id}/variants", "PUT /api/v1/admin/variants/{id}" -> variant.get();
            case "POST /api/v1/admin/accounts" ->
                Map.of("email", Accounts.uniqueEmail("matrix"), "password", Accounts.PASSWORD, "role", "customer");
            case "PUT /api/v1/admin/accounts/{id}/role" -> Map.of("role", "customer");
            // A sellable SKU without stock: callers who pass the check get 409 (an unknown SKU would be 404).
            case "POST /api/v1/reservations" ->
                Map.of(
                        "lines",
                        List.of(Map.of(
                                "sku",
                                firstSku(CatalogFixture.product(category, "Matrix product", 1000)),
                                "quantity",
                                1)));
            case "POST /api/v1/admin/inventory/stock/{sku}/receipts" -> Map.of("quantity", 1, "reason", "matrix");
            case "POST /api/v1/admin/inventory/stock/{sku}/adjustments" -> Map.of("delta", 1, "reason", "matrix");
            case "PUT /api/v1/admin/inventory/stock/{sku}/locations/{location}" ->
                Map.of("onHand", 1, "reason", "matrix");
            case "POST /api/v1/admin/inventory/locations" ->
                Map.of("code", Api.unique("matrix"), "name", "Matrix location");
            case "POST /api/v1/carts/{id}/lines" -> Map.of("sku", orderSku, "quantity", 1);
            case "PATCH /api/v1/carts/{id}/lines/{sku}" -> Map.of("quantity", 2);
            case "PATCH /api/v1/carts/{id}" -> Map.of("country", "DE");
            case "POST /api/v1/orders/{id}/payments" -> Map.of("provider", "test");
            case "POST /api/v1/admin/orders/{id}/fulfillments" ->
                Map.of(
                        "lines",
                        List.of(Map.of("sku", orderSku, "quantity", 1)),
                        "carrier",
                        "DHL",
                        "trackingNumber",
                        "MATRIX");
            case "POST /api/v1/admin/orders/{id}/cancellation" -> Map.of("reason", "matrix");
            case "POST /api/v1/admin/loyalty/accounts/{id}/adjustments" -> Map.of("points", 1, "reason", "matrix");
            case "POST /api/v1/me/addresses", "PUT /api/v1/me/addresses/{id}" ->
                Map.of("label", "matrix", "address", CheckoutAddress.GERMAN);
            case "POST /api/v1/admin/orders/{id}/notes" -> Map.of("text", "matrix note");
            case "POST /api/v1/auth/password-reset" -> Map.of("email", Accounts.uniqueEmail("matrix-reset"));
            case "POST /api/v1/auth/password-reset/confirm" ->
                Map.of("token", "not-a-token", "newPassword", Accounts.PASSWORD);
            case "POST /api/v1/admin/webhooks", "PUT /api/v1/admin/webhooks/{id}" -> webhookBody();
            case "POST /api/v1/admin/orders/{id}/refunds" -> Map.of();
            default -> null;
        };
    }
}
