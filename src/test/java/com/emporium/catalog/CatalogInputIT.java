package com.emporium.catalog;

import static com.emporium.testsupport.Api.admin;
import static com.emporium.testsupport.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client input the public list must refuse with a 400 (never a 500), and list answers that must hold. */
class CatalogInputIT {
    private static final String LIST = "/api/v1/products";

    private static List<String> names(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("items.name");
    }

    private static void badRequest(Response response) {
        response.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-request"));
    }

    /** The cursor's JSON payload, whether or not it carries a signature after a dot. */
    private static String payload(String cursor) {
        int dot = cursor.indexOf('.');
        return new String(
                Base64.getUrlDecoder().decode(dot < 0 ? cursor : cursor.substring(0, dot)), StandardCharsets.UTF_8);
    }

    /** The same cursor with another payload; the signature (if any) stays as it was issued. */
    private static String withPayload(String cursor, String json) {
        int dot = cursor.indexOf('.');
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return dot < 0 ? encoded : encoded + cursor.substring(dot);
    }

    private static String unsigned(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nulCharactersInTextInputAreBadRequests() {
        String category = CatalogFixture.category(null);
        CatalogFixture.product(category, "Plain mug", 500);
        badRequest(anonymous().queryParam("q", "mug\0").get(LIST));
        badRequest(anonymous()
                .queryParam("category", category)
                .queryParam("attr.color", "re\0d")
                .get(LIST));
        badRequest(anonymous().queryParam("sort", "name\0").get(LIST));
        Map<String, Object> body = CatalogFixture.productBody(
                category, "Nul\u0000 mug", List.of(CatalogFixture.variant(Api.unique("SKU"), 500, Map.of())));
        badRequest(admin().contentType("application/json").body(body).post("/api/v1/admin/products"));
        assertThat(names(anonymous().queryParam("category", category).get(LIST)))
                .containsExactly("Plain mug");
    }

    @Test
    void editedCursorsAreBadRequestsNeverServerErrors() {
        String category = CatalogFixture.category(null);
        for (int i = 0; i < 3; i++) {
            CatalogFixture.product(category, "Cursor lamp " + i, 700 + i);
        }
        for (String sort : List.of("newest", "name", "price", "relevance")) {
            Response first = anonymous()
                    .queryParam("category", category)
                    .queryParam("sort", sort)
                    .queryParam("q", "lamp")
                    .queryParam("limit", 1)
                    .get(LIST);
            String cursor = first.then().statusCode(200).extract().jsonPath().getString("nextCursor");
            assertThat(cursor).as("cursor for %s", sort).isNotNull();
            String id = payload(cursor).replaceAll("^.*,\"(\\d+)\"\\]$", "$1");
            String[] editedKeys = switch (sort) {
                case "newest" -> new String[] {"+300000-01-01T00:00:00Z", "2024-01-01T00:00:00Z"};
                case "name" -> new String[] {"Cursor\u0000lamp", "A"};
                case "price" -> new String[] {"99999999999999999999", "1"};
                default -> new String[] {"1e50", "1.0f", "0.5"};
            };
            for (String key : editedKeys) {
                String json = "[\"" + sort + "\",\"" + key.replace("\u0000", "\\u0000") + "\",\"" + id + "\"]";
                for (String edited : List.of(withPayload(cursor, json), unsigned(json))) {
                    badRequest(anonymous()
                            .queryParam("category", category)
                            .queryParam("sort", sort)
                            .queryParam("q", "lamp")
                            .queryParam("cursor", edited)
                            .get(LIST));
                }
            }
        }
    }

    @Test
    void aCursorOnlyContinuesTheQueryItCameFrom() {
        String lamps = CatalogFixture.category(null);
        String chairs = CatalogFixture.category(null);
        for (int i = 0; i < 3; i++) {
            CatalogFixture.product(lamps, "Bound lamp " + i, 700);
            CatalogFixture.product(chairs, "Bound chair " + i, 700);
        }
        String cursor = anonymous()
                .queryParam("category", lamps)
                .queryParam("sort", "price")
                .queryParam("limit", 1)
                .get(LIST)
                .jsonPath()
                .getString("nextCursor");
        badRequest(anonymous()
                .queryParam("category", chairs)
                .queryParam("sort", "price")
                .queryParam("cursor", cursor)
                .get(LIST));
        badRequest(anonymous()
                .queryParam("category", lamps)
                .queryParam("sort", "price")
                .queryParam("maxPrice", 900)
                .queryParam("cursor", cursor)
                .get(LIST));
        anonymous()
                .queryParam("category", lamps)
                .queryParam("sort", "price")
                .queryParam("cursor", cursor)
                .get(LIST)
                .then()
                .statusCode(200);
    }

    @Test
    void variantFiltersHoldForOneAndTheSameVariant() {
        String category = CatalogFixture.category(null);
        String red = Api.unique("RED");
        String blue = Api.unique("BLUE");
        CatalogFixture.create(CatalogFixture.productBody(
                category,
                "Two-tone scarf",
                List.of(
                        CatalogFixture.variant(red, 1000, Map.of("color", "red")),
                        CatalogFixture.variant(blue, 2000, Map.of("color", "blue")))));
        admin().contentType("application/json")
                .body(Map.of("quantity", 3, "reason", "delivery"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", blue)
                .then()
                .statusCode(200);

        assertThat(names(list(category, Map.of("attr.color", "red", "inStock", "true"))))
                .as("the red scarf is sold out")
                .isEmpty();
        assertThat(names(list(category, Map.of("attr.color", "blue", "inStock", "true"))))
                .containsExactly("Two-tone scarf");
        assertThat(names(list(category, Map.of("attr.color", "blue", "maxPrice", "1500"))))
                .as("the blue scarf costs 2000")
                .isEmpty();
        assertThat(names(list(category, Map.of("attr.color", "red", "maxPrice", "1500"))))
                .containsExactly("Two-tone scarf");
        assertThat(names(list(category, Map.of("attr.color", "red", "minPrice", "1500"))))
                .isEmpty();
        assertThat(names(list(category, Map.of("inStock", "true", "maxPrice", "1500"))))
                .as("the in-stock variant costs 2000")
                .isEmpty();
    }

    private static Response list(String category, Map<String, String> params) {
        return anonymous().queryParam("category", category).queryParams(params).get(LIST);
    }

    @Test
    void theTypoFallbackKeepsExclusionsAndPhrasesWhateverThePageSize() {
        String category = CatalogFixture.category(null);
        CatalogFixture.product(category, "Widget tie clip", 900);
        CatalogFixture.product(category, "Widget tie bar", 900);
        CatalogFixture.product(category, "Blue widget gadget", 900);
        for (Integer limit : new Integer[] {null, 1, 5, 100}) {
            assertThat(walk(category, "widget -tie", limit))
                    .as("widget -tie, limit %s", limit)
                    .containsExactly("Blue widget gadget");
            assertThat(walk(category, "widgett \"tie bar\"", limit))
                    .as("a typo with a phrase, limit %s", limit)
                    .containsExactly("Widget tie bar");
            assertThat(walk(category, "widgett -clip", limit))
                    .as("a typo with an exclusion, limit %s", limit)
                    .containsExactlyInAnyOrder("Widget tie bar", "Blue widget gadget");
        }
    }

    /** Every name the query finds, following cursors to the end. */
    private static List<String> walk(String category, String q, Integer limit) {
        List<String> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var spec = anonymous().queryParam("category", category).queryParam("q", q);
            if (limit != null) {
                spec = spec.queryParam("limit", limit);
            }
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            Response page = spec.get(LIST);
            all.addAll(names(page));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null && all.size() < 50);
        return all;
    }

    @Test
    void sortByNameIsTheOrderAShopperReads() {
        String category = CatalogFixture.category(null);
        for (String name : List.of("banana bowl", "Zebra mat", "apple tray", "Cherry box", "Éclair tin")) {
            CatalogFixture.product(category, name, 500);
        }
        List<String> expected = List.of("apple tray", "banana bowl", "Cherry box", "Éclair tin", "Zebra mat");
        assertThat(names(anonymous()
                        .queryParam("category", category)
                        .queryParam("sort", "name")
                        .get(LIST)))
                .containsExactlyElementsOf(expected);
        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var spec = anonymous()
                    .queryParam("category", category)
                    .queryParam("sort", "name")
                    .queryParam("limit", 2);
            Response page = (cursor == null ? spec : spec.queryParam("cursor", cursor)).get(LIST);
            paged.addAll(names(page));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    @Test
    void parameterViolationsNameTheParameter() {
        anonymous()
                .get("/api/v1/products/{slug}", "Not_A_Slug")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("slug"));
        admin().get("/api/v1/admin/inventory/stock/{sku}", "S".repeat(65))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sku"));
    }

    @Test
    void aCreateAnswerShowsTheTimestampsLaterReadsShow() {
        String category = CatalogFixture.category(null);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> created = CatalogFixture.product(category, "Timed vase " + i, 500);
            Map<String, Object> read = admin().get("/api/v1/admin/products/" + created.get("id"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("");
            assertThat(created.get("createdAt")).isEqualTo(read.get("createdAt"));
            assertThat(created.get("updatedAt")).isEqualTo(read.get("updatedAt"));
        }
    }
}
