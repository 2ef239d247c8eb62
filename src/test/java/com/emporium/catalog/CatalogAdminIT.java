package com.emporium.catalog;

import static com.emporium.testsupport.Api.admin;
import static com.emporium.testsupport.Api.anonymous;
import static com.emporium.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogAdminIT {
    static String category;

    @BeforeAll
    static void category() {
        category = CatalogFixture.category(null);
    }

    private static Map<String, Object> newProduct() {
        return CatalogFixture.productBody(
                category,
                "Admin product",
                List.of(CatalogFixture.variant(Api.unique("SKU"), 1500, Map.of("color", "red"))));
    }

    @Test
    void anonymousCallersAreRefusedWithAProblem() {
        anonymous()
                .contentType("application/json")
                .body(newProduct())
                .post("/api/v1/admin/products")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void customersMayNotEditTheCatalog() {
        as("customer")
                .contentType("application/json")
                .body(newProduct())
                .post("/api/v1/admin/products")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void adminsAndStaffCreateProducts() {
        Map<String, Object> body = newProduct();
        admin().contentType("application/json")
                .body(body)
                .post("/api/v1/admin/products")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("slug", equalTo(body.get("slug")))
                .body("priceFrom.amount", equalTo(1500))
                .body("priceFrom.currency", equalTo("EUR"))
                .body("variants[0].attributes.color", equalTo("red"));
        as("staff")
                .contentType("application/json")
                .body(newProduct())
                .post("/api/v1/admin/products")
                .then()
                .statusCode(201);
        anonymous()
                .get("/api/v1/products/" + body.get("slug"))
                .then()
                .statusCode(200)
                .body("name", equalTo("Admin product"));
    }

    @Test
    void onlyAdminsArchiveCategories() {
        String empty = CatalogFixture.category(null);
        Response created = admin().contentType("application/json")
                .body(Map.of("slug", Api.unique("cat"), "name", "Tmp"))
                .post("/api/v1/admin/categories");
        long id = created.jsonPath().getLong("id");
        as("staff").delete("/api/v1/admin/categories/" + id).then().statusCode(403);
        admin().delete("/api/v1/admin/categories/" + id).then().statusCode(204);
        anonymous().get("/api/v1/categories").then().statusCode(200);
        assertThat(anonymous().get("/api/v1/categories").asString())
                .doesNotContain(created.jsonPath().getString("slug"))
                .contains(empty);
    }

    @Test
    void aNonEmptyCategoryCannotBeArchived() {
        String parent = CatalogFixture.category(null);
        CatalogFixture.category(parent);
        long id = anonymousCategoryId(parent);
        admin().delete("/api/v1/admin/categories/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/category-not-empty"));
    }

    private static long anonymousCategoryId(String slug) {
        List<Map<String, Object>> roots =
                anonymous().get("/api/v1/categories").jsonPath().getList("");
        return roots.stream()
                .filter(c -> slug.equals(c.get("slug")))
                .map(c -> ((Number) c.get("id")).longValue())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aStaleIfMatchIsRefusedAndAMissingOneIsRequired() {
        Map<String, Object> product = CatalogFixture.create(newProduct());
        String path = "/api/v1/admin/products/" + product.get("id");
        Map<String, Object> update =
                Map.of("name", "Renamed", "description", "d", "category", category, "status", "ACTIVE");
        String read = admin().get(path).header("ETag");
        long version = ((Number) product.get("version")).longValue();
        assertThat(read).isEqualTo("\"" + version + "\"");

        admin().contentType("application/json")
                .body(update)
                .put(path)
                .then()
                .statusCode(428)
                .body("status", equalTo(428));
        admin().contentType("application/json")
                .header("If-Match", read)
                .body(update)
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"" + (version + 1) + "\""))
                .body("name", equalTo("Renamed"));
        admin().contentType("application/json")
                .header("If-Match", read)
                .body(update)
                .put(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/stale-version"));
        // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches
        admin().contentType("application/json")
                .header("If-Match", "W/\"1\"")
                .body(update)
                .put(path)
                .then()
                .statusCode(412);
    }

    @Test
    void ofTwoConcurrentWritesOfTheSameVersionExactlyOneWins() throws Exception {
        Map<String, Object> product = CatalogFixture.create(newProduct());
        String path = "/api/v1/admin/products/" + product.get("id");
        String read = admin().get(path).header("ETag");
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String name = "Writer " + i;
            Callable<Integer> write = () -> {
                start.await();
                return admin().contentType("application/json")
                        .header("If-Match", read)
                        .body(Map.of("name", name, "category", category, "status", "ACTIVE"))
                        .put(path)
                        .statusCode();
            };
            results.add(pool.submit(write));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(writers - 1);
        long version = ((Number) product.get("version")).longValue();
        admin().get(path).then().header("ETag", equalTo("\"" + (version + 1) + "\""));
    }

    @Test
    void takenSlugsAndSkusAreConflicts() {
        Map<String, Object> body = newProduct();
        CatalogFixture.create(body);
        admin().contentType("application/json")
                .body(body)
                .post("/api/v1/admin/products")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/slug-taken"));

        String sku = (String) ((Map<?, ?>) ((List<?>) body.get("variants")).get(0)).get("sku");
        Map<String, Object> sameSku =
                CatalogFixture.productBody(category, "Other", List.of(CatalogFixture.variant(sku, 100, Map.of())));
        admin().contentType("application/json")
                .body(sameSku)
                .post("/api/v1/admin/products")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/sku-taken"));
    }

    @Test
    void invalidFieldsAreListedOneByOne() {
        Map<String, Object> body = Map.of(
                "slug", "Not A Slug",
                "name", "",
                "category", category,
                "currency", "EURO",
                "variants",
                        List.of(Map.of("sku", "ok-1", "title", "t", "price", Map.of("amount", -5, "currency", "XXY"))));
        admin().contentType("application/json")
                .body(body)
                .post("/api/v1/admin/products")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body(
                        "errors.field",
                        hasItems("slug", "name", "currency", "variants[0].price.amount", "variants[0].price.currency"));
    }

    /** Numbers the reader could not give back (or a storefront could not show exactly) are refused. */
    @Test
    void attributeNumbersBeyondWhatCanBeReadBackAreRefused() {
        for (String number : List.of("1e19", "12345678901234567890", "1e300", "1234567890123456", "0.1234567")) {
            String sku = Api.unique("ATTR");
            String body = "{\"slug\":\"" + Api.unique("p") + "\",\"name\":\"Numbers\",\"category\":\"" + category
                    + "\",\"currency\":\"EUR\",\"variants\":[{\"sku\":\"" + sku
                    + "\",\"title\":\"t\",\"price\":{\"amount\":1500,\"currency\":\"EUR\"},\"attributes\":{\"n\":"
                    + number + "}}]}";
            admin().contentType("application/json")
                    .body(body)
                    .post("/api/v1/admin/products")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-request"));
            assertThat(CatalogFixture.count("SELECT count(*) FROM variant WHERE sku = ?", sku))
                    .as(number)
                    .isZero();
        }
        Map<String, Object> fine = CatalogFixture.create(CatalogFixture.productBody(
                category,
                "Fine numbers",
                List.of(CatalogFixture.variant(
                        Api.unique("ATTR"), 1500, Map.of("big", 999999999999999L, "fine", 0.125, "neg", -3)))));
        anonymous()
                .get("/api/v1/products/" + fine.get("slug"))
                .then()
                .statusCode(200)
                .body("variants[0].attributes.big", equalTo(999999999999999L))
                .body("variants[0].attributes.neg", equalTo(-3));
    }

    /** Rows stored before the write path checked numbers still load, so the product can be fixed. */
    @Test
    void storedAttributeNumbersOfAnySizeStillRead() {
        Map<String, Object> product = CatalogFixture.create(newProduct());
        @SuppressWarnings("unchecked")
        Map<String, Object> variant = ((List<Map<String, Object>>) product.get("variants")).get(0);
        CatalogFixture.execute(
                "UPDATE variant SET attributes = '{\"n\": 1e19, \"m\": 12345678901234567890, \"x\": 1e300}'::jsonb"
                        + " WHERE sku = ?",
                variant.get("sku"));
        anonymous()
                .get("/api/v1/products/" + product.get("slug"))
                .then()
                .statusCode(200)
                .body("variants[0].attributes.m", equalTo(new java.math.BigInteger("12345678901234567890")));
        String etag = admin().get("/api/v1/admin/products/{id}", product.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        admin().contentType("application/json")
                .header("If-Match", etag)
                .body(Map.of("name", "Renamed", "description", "", "category", category, "status", "ACTIVE"))
                .put("/api/v1/admin/products/{id}", product.get("id"))
                .then()
                .statusCode(200);
        String variantTag =
                "\"" + CatalogFixture.count("SELECT version FROM variant WHERE sku = ?", variant.get("sku")) + "\"";
        admin().contentType("application/json")
                .header("If-Match", variantTag)
                .body(CatalogFixture.variant((String) variant.get("sku"), 1600, Map.of("n", 5)))
                .put("/api/v1/admin/variants/{id}", variant.get("id"))
                .then()
                .statusCode(200)
                .body("attributes.n", equalTo(5));
    }

    @Test
    void archivingHidesAProductFromTheStorefront() {
        Map<String, Object> product = CatalogFixture.create(newProduct());
        anonymous().get("/api/v1/products/" + product.get("slug")).then().statusCode(200);
        admin().delete("/api/v1/admin/products/" + product.get("id")).then().statusCode(204);
        anonymous()
                .get("/api/v1/products/" + product.get("slug"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        admin().get("/api/v1/admin/products/" + product.get("id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("ARCHIVED"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void repricingAVariantMovesTheProductsFromPrice() {
        Map<String, Object> product = CatalogFixture.product(category, "Repriced", 3000, 4000);
        List<Map<String, Object>> variants = (List<Map<String, Object>>) product.get("variants");
        Map<String, Object> cheapest = variants.get(0);
        admin().contentType("application/json")
                .header("If-Match", "\"" + cheapest.get("version") + "\"")
                .body(CatalogFixture.variant((String) cheapest.get("sku"), 5000, Map.of()))
                .put("/api/v1/admin/variants/" + cheapest.get("id"))
                .then()
                .statusCode(200)
                .body("price.amount", equalTo(5000));
        anonymous().get("/api/v1/products/" + product.get("slug")).then().body("priceFrom.amount", equalTo(4000));

        admin().delete("/api/v1/admin/variants/" + variants.get(1).get("id"))
                .then()
                .statusCode(204);
        anonymous()
                .get("/api/v1/products/" + product.get("slug"))
                .then()
                .body("priceFrom.amount", equalTo(5000))
                .body("variants.size()", equalTo(1));
    }

    @Test
    void aVariantInAnotherCurrencyIsRefused() {
        Map<String, Object> product = CatalogFixture.product(category, "Euro only", 1000);
        Map<String, Object> dollars = CatalogFixture.variant(Api.unique("SKU"), 1000, Map.of());
        dollars.put("price", Map.of("amount", 1000, "currency", "USD"));
        admin().contentType("application/json")
                .header("If-Match", "\"" + product.get("version") + "\"")
                .body(dollars)
                .post("/api/v1/admin/products/" + product.get("id") + "/variants")
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("USD"));
    }

    @Test
    void aNewVariantAnswersWithWhereItLives() {
        Map<String, Object> product = CatalogFixture.create(newProduct());
        String sku = Api.unique("SKU");
        Response added = admin().contentType("application/json")
                .header("If-Match", "\"" + product.get("version") + "\"")
                .body(CatalogFixture.variant(sku, 2500, Map.of("color", "blue")))
                .post("/api/v1/admin/products/" + product.get("id") + "/variants");
        added.then().statusCode(201);
        String location = added.header("Location");
        assertThat(location).matches(".*/api/v1/admin/variants/\\d+$");
        admin().get(location)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("sku", equalTo(sku))
                .body("price.amount", equalTo(2500));
    }
}
