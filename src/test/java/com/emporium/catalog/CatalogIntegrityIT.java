package com.emporium.catalog;

import static com.emporium.testsupport.Api.admin;
import static com.emporium.testsupport.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Archived categories hold no live products, and archiving honours If-Match (RFC 9110). */
class CatalogIntegrityIT {
    private static final String DB_URL = System.getProperty("it.db.url", "jdbc:postgresql://localhost:15432/postgres");

    private static long categoryId(String slug) throws Exception {
        return queryLong("SELECT id FROM category WHERE slug = ?", slug);
    }

    private static long queryLong(String sql, Object... params) throws Exception {
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "");
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String etag(String path) {
        return admin().get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void archivingACategoryWhileAProductIsAddedToItLeavesNoLiveProductInAnArchivedCategory() throws Exception {
        int rounds = 16;
        List<String> slugs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String slug = CatalogFixture.category(null);
                slugs.add(slug);
                long id = categoryId(slug);
                Map<String, Object> body = CatalogFixture.productBody(
                        slug, "Racing lamp", List.of(CatalogFixture.variant(Api.unique("SKU"), 900, Map.of())));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Integer> archive = pool.submit(() -> {
                    start.await();
                    return admin().delete("/api/v1/admin/categories/" + id).statusCode();
                });
                Future<Integer> create = pool.submit(() -> {
                    start.await();
                    return admin().contentType("application/json")
                            .body(body)
                            .post("/api/v1/admin/products")
                            .statusCode();
                });
                int archived = archive.get();
                int created = create.get();
                assertThat(List.of(archived, created))
                        .as("round %d: exactly one side wins, the other is told why", round)
                        .containsAnyOf(204, 201)
                        .containsAnyOf(409)
                        .doesNotContain(500);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "");
                PreparedStatement statement = db.prepareStatement("SELECT count(*) FROM product p"
                        + " JOIN category c ON c.id = p.category_id"
                        + " WHERE c.slug = ANY(?) AND c.archived AND p.status <> 'ARCHIVED'")) {
            statement.setArray(1, db.createArrayOf("varchar", slugs.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("live products in archived categories")
                        .isZero();
            }
        }
        long archivedCategories = 0;
        for (String slug : slugs) {
            archivedCategories += queryLong("SELECT count(*) FROM category WHERE slug = ? AND archived", slug);
        }
        long products = 0;
        for (String slug : slugs) {
            products += queryLong(
                    "SELECT count(*) FROM product p JOIN category c ON c.id = p.category_id WHERE c.slug = ?", slug);
        }
        assertThat(archivedCategories + products).as("one winner per round").isEqualTo(rounds);
    }

    @Test
    void aProductCannotBeKeptActiveInAnArchivedCategory() throws Exception {
        String slug = CatalogFixture.category(null);
        Map<String, Object> product = CatalogFixture.product(slug, "Stranded lamp", 900);
        String path = "/api/v1/admin/products/" + product.get("id");
        admin().delete(path).then().statusCode(204);
        admin().delete("/api/v1/admin/categories/" + categoryId(slug)).then().statusCode(204);

        admin().contentType("application/json")
                .header("If-Match", etag(path))
                .body(Map.of("name", "Stranded lamp", "description", "", "category", slug, "status", "ACTIVE"))
                .put(path)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/category-archived"));
        assertThat(queryLong("SELECT count(*) FROM product WHERE id = ? AND status = 'ARCHIVED'", product.get("id")))
                .isEqualTo(1);
        admin().contentType("application/json")
                .body(CatalogFixture.productBody(
                        slug, "Late lamp", List.of(CatalogFixture.variant(Api.unique("SKU"), 900, Map.of()))))
                .post("/api/v1/admin/products")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/category-archived"));
    }

    @Test
    void archivingHonoursIfMatch() throws Exception {
        Map<String, Object> product = CatalogFixture.product(CatalogFixture.category(null), "Guarded lamp", 900, 1200);
        String productPath = "/api/v1/admin/products/" + product.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> variant = ((List<Map<String, Object>>) product.get("variants")).get(0);
        String variantPath = "/api/v1/admin/variants/" + variant.get("id");

        stale(admin().header("If-Match", "\"999\"").delete(variantPath));
        stale(admin().header("If-Match", "W/\"" + variant.get("version") + "\"").delete(variantPath));
        assertThat(queryLong("SELECT count(*) FROM variant WHERE id = ? AND NOT archived", variant.get("id")))
                .isEqualTo(1);
        admin().header("If-Match", "\"" + variant.get("version") + "\"")
                .delete(variantPath)
                .then()
                .statusCode(204);

        stale(admin().header("If-Match", "\"999\"").delete(productPath));
        assertThat(queryLong("SELECT count(*) FROM product WHERE id = ? AND status = 'ACTIVE'", product.get("id")))
                .isEqualTo(1);
        admin().header("If-Match", etag(productPath)).delete(productPath).then().statusCode(204);

        String slug = CatalogFixture.category(null);
        String categoryPath = "/api/v1/admin/categories/" + categoryId(slug);
        stale(admin().header("If-Match", "\"999\"").delete(categoryPath));
        assertThat(queryLong("SELECT count(*) FROM category WHERE slug = ? AND NOT archived", slug))
                .isEqualTo(1);
        admin().header("If-Match", "*").delete(categoryPath).then().statusCode(204);
    }

    private static void stale(Response response) {
        response.then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/stale-version"));
    }

    @Test
    void ifMatchAsteriskMatchesAnyCurrentVersion() {
        String slug = CatalogFixture.category(null);
        Map<String, Object> product = CatalogFixture.product(slug, "Starred lamp", 900);
        admin().contentType("application/json")
                .header("If-Match", "*")
                .body(Map.of("name", "Starred lamp v2", "description", "", "category", slug, "status", "ACTIVE"))
                .put("/api/v1/admin/products/" + product.get("id"))
                .then()
                .statusCode(200)
                .body("name", equalTo("Starred lamp v2"));
    }

    @Test
    void aWeakValidatorInIfNoneMatchStillGets304() {
        Map<String, Object> product = CatalogFixture.product(CatalogFixture.category(null), "Weakly cached", 900);
        String path = "/api/v1/products/" + product.get("slug");
        String etag = anonymous().get(path).then().statusCode(200).extract().header("ETag");
        anonymous().header("If-None-Match", "W/" + etag).get(path).then().statusCode(304);
        anonymous()
                .header("If-None-Match", "\"other\", W/" + etag)
                .get(path)
                .then()
                .statusCode(304);
        anonymous().header("If-None-Match", "*").get(path).then().statusCode(304);
        anonymous().header("If-None-Match", "W/\"other\"").get(path).then().statusCode(200);
    }
}
