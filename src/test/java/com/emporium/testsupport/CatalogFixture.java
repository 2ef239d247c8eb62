package com.emporium.testsupport;

import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds catalog data through the admin API, with unique slugs so tests never see each other's data. */
public final class CatalogFixture {
    private CatalogFixture() {}

    public static String category(String parentSlug) {
        String slug = Api.unique("cat");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Category " + slug);
        if (parentSlug != null) {
            body.put("parent", parentSlug);
        }
        Api.admin()
                .contentType("application/json")
                .body(body)
                .post("/api/v1/admin/categories")
                .then()
                .statusCode(201);
        return slug;
    }

    public static Map<String, Object> variant(String sku, long amount, Map<String, Object> attributes) {
        Map<String, Object> variant = new LinkedHashMap<>();
        variant.put("sku", sku);
        variant.put("title", "Variant " + sku);
        variant.put("price", Map.of("amount", amount, "currency", "EUR"));
        variant.put("attributes", attributes);
        return variant;
    }

    public static Map<String, Object> productBody(String category, String name, List<Map<String, Object>> variants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", Api.unique("p"));
        body.put("name", name);
        body.put("description", "Description of " + name);
        body.put("category", category);
        body.put("currency", "EUR");
        body.put("variants", variants);
        return body;
    }

    /** Creates a product with one variant per price; returns its admin view (id, slug, version...). */
    public static Map<String, Object> product(String category, String name, long... prices) {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (long price : prices) {
            variants.add(variant(Api.unique("SKU"), price, Map.of()));
        }
        return create(productBody(category, name, variants));
    }

    public static Map<String, Object> create(Map<String, Object> body) {
        return Api.admin()
                .contentType("application/json")
                .body(body)
                .post("/api/v1/admin/products")
                .then()
                .statusCode(is(201))
                .extract()
                .jsonPath()
                .getMap("");
    }

    /** A single number from the test database, for checks on the final state. */
    public static long count(String sql, Object... params) {
        try (Connection db = database();
                PreparedStatement statement = prepared(db, sql, params);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes straight to the test database, for state the API cannot create (rows from older releases). */
    public static void execute(String sql, Object... params) {
        try (Connection db = database();
                PreparedStatement statement = prepared(db, sql, params)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), "postgres", "");
    }

    private static PreparedStatement prepared(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
