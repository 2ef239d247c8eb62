package com.emporium.catalog;

import static com.emporium.testsupport.Api.admin;
import static com.emporium.testsupport.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import com.emporium.testsupport.Eventually;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The storefront's view of a catalog built for this class alone: filters, search, sorts, paging, caching. */
class CatalogBrowseIT {
    static String root;
    static String shirts;
    static String mugs;
    /** For products that tests change; outside root so the counts under root stay fixed. */
    static String lateArrivals;

    static final List<Map<String, Object>> created = new ArrayList<>();

    @BeforeAll
    static void buildCatalog() {
        root = CatalogFixture.category(null);
        shirts = CatalogFixture.category(root);
        mugs = CatalogFixture.category(root);
        lateArrivals = CatalogFixture.category(null);
        String[] colors = {"red", "blue", "green"};
        for (int i = 0; i < 12; i++) {
            String color = colors[i % 3];
            created.add(CatalogFixture.create(CatalogFixture.productBody(
                    shirts,
                    "Shirt " + (char) ('A' + i) + " " + color + " cotton",
                    List.of(
                            CatalogFixture.variant(
                                    Api.unique("S"), 1000 + 100L * i, Map.of("color", color, "size", "S")),
                            CatalogFixture.variant(
                                    Api.unique("M"),
                                    1500 + 100L * i,
                                    Map.of("color", color, "size", "M", "organic", i % 2 == 0))))));
        }
        for (int i = 0; i < 6; i++) {
            created.add(CatalogFixture.product(mugs, "Porcelain mug " + i, 800 + 10L * i));
        }
        created.add(CatalogFixture.product(mugs, "Lighthouse espresso cup", 999));
    }

    private static List<String> slugs(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("items.slug");
    }

    private static Response list(UnaryOperator<RequestSpecification> params) {
        return params.apply(anonymous()).get("/api/v1/products");
    }

    @Test
    void aCategoryIncludesItsSubcategories() {
        assertThat(slugs(list(r -> r.queryParam("category", root).queryParam("limit", 100))))
                .hasSize(created.size());
        assertThat(slugs(list(r -> r.queryParam("category", mugs).queryParam("limit", 100))))
                .hasSize(7);
    }

    @Test
    void priceRangeIsInclusiveInMinorUnits() {
        List<String> found = slugs(list(r -> r.queryParam("category", root)
                .queryParam("minPrice", 1000)
                .queryParam("maxPrice", 1200)
                .queryParam("limit", 100)));
        // shirts start at 1000, 1100, 1200; mugs are all below 1000
        assertThat(found).hasSize(3);
    }

    @Test
    void attributeFiltersMustHoldForOneVariant() {
        // size M exists for every shirt, but organic M shirts are the even ones only
        assertThat(slugs(list(r -> r.queryParam("category", root)
                        .queryParam("attr.size", "M")
                        .queryParam("limit", 100))))
                .hasSize(12);
        assertThat(slugs(list(r -> r.queryParam("category", root)
                        .queryParam("attr.size", "M")
                        .queryParam("attr.organic", "true")
                        .queryParam("limit", 100))))
                .hasSize(6);
        // organic is only set on M variants, so an S variant never matches organic=true
        assertThat(slugs(list(r -> r.queryParam("category", root)
                        .queryParam("attr.size", "S")
                        .queryParam("attr.organic", "true"))))
                .isEmpty();
        assertThat(slugs(list(r -> r.queryParam("category", root)
                        .queryParam("attr.color", "red", "blue")
                        .queryParam("limit", 100))))
                .hasSize(8);
    }

    /** One rule for list and detail: a product whose every variant is archived has nothing to sell. */
    @Test
    void aProductWithEveryVariantArchivedIsNeitherListedNorShown() {
        String shelf = CatalogFixture.category(null);
        Map<String, Object> product = CatalogFixture.product(shelf, "Retired teapot", 1500);
        String slug = (String) product.get("slug");
        anonymous().get("/api/v1/products/{slug}", slug).then().statusCode(200);
        assertThat(slugs(list(r -> r.queryParam("category", shelf)))).containsExactly(slug);

        Number variantId = Api.admin()
                .get("/api/v1/admin/products/{id}", product.get("id"))
                .jsonPath()
                .get("variants[0].id");
        admin().delete("/api/v1/admin/variants/{id}", variantId).then().statusCode(204);

        // Public reads are cached until the catalog's change notice arrives (CatalogCacheIT bounds it).
        Eventually.await(
                "the detail is gone",
                Duration.ofSeconds(5),
                () -> anonymous().get("/api/v1/products/{slug}", slug).statusCode() == 404);
        Eventually.await(
                "the list no longer shows it",
                Duration.ofSeconds(5),
                () -> slugs(list(r -> r.queryParam("category", shelf))).isEmpty());
    }

    @Test
    void searchRanksMatchesAndForgivesATypo() {
        List<String> exact = slugs(list(r -> r.queryParam("category", root).queryParam("q", "lighthouse espresso")));
        assertThat(exact).first().isEqualTo(slugOf("Lighthouse espresso cup"));
        List<String> typo = slugs(list(r -> r.queryParam("category", root).queryParam("q", "lighthuose")));
        assertThat(typo).contains(slugOf("Lighthouse espresso cup"));
        List<String> porcelain = slugs(list(
                r -> r.queryParam("category", root).queryParam("q", "porcelain").queryParam("limit", 100)));
        assertThat(porcelain).hasSize(6);
    }

    @Test
    void aTypoSearchPagesThroughAllItsMatches() {
        Response first = list(r -> r.queryParam("category", root)
                .queryParam("q", "porcelian")
                .queryParam("limit", 4)
                .queryParam("count", true));
        List<String> page1 = slugs(first);
        assertThat(page1).hasSize(4);
        assertThat(first.header("X-Total-Count")).isEqualTo("6");
        String cursor = first.jsonPath().getString("nextCursor");
        List<String> page2 = slugs(list(r -> r.queryParam("category", root)
                .queryParam("q", "porcelian")
                .queryParam("limit", 4)
                .queryParam("cursor", cursor)));
        assertThat(page2).hasSize(2).doesNotContainAnyElementsOf(page1);
    }

    private static String slugOf(String name) {
        return created.stream()
                .filter(p -> name.equals(p.get("name")))
                .map(p -> (String) p.get("slug"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void sortsOrderByPriceNameAndNewest() {
        List<Integer> ascending = list(r -> r.queryParam("category", root)
                        .queryParam("sort", "price")
                        .queryParam("limit", 100))
                .jsonPath()
                .getList("items.priceFrom.amount");
        assertThat(ascending).hasSize(created.size()).isSorted();
        List<Integer> descending = list(r -> r.queryParam("category", root)
                        .queryParam("sort", "-price")
                        .queryParam("limit", 100))
                .jsonPath()
                .getList("items.priceFrom.amount");
        assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());
        List<String> names = list(r -> r.queryParam("category", mugs)
                        .queryParam("sort", "name")
                        .queryParam("limit", 100))
                .jsonPath()
                .getList("items.name");
        assertThat(names).first().isEqualTo("Lighthouse espresso cup");
        List<String> newest = slugs(list(r -> r.queryParam("category", mugs).queryParam("limit", 100)));
        assertThat(newest).first().isEqualTo(slugOf("Lighthouse espresso cup"));
    }

    @Test
    void pagingVisitsEveryProductOnceEvenWhileProductsAreAdded() {
        String walked = CatalogFixture.category(null);
        for (int i = 0; i < 10; i++) {
            CatalogFixture.product(walked, "Walk item " + (char) ('a' + (i * 7) % 10), 500 + 10L * (i % 4));
        }
        for (String sort : List.of("newest", "price", "-price", "name")) {
            List<String> before = slugs(list(r ->
                    r.queryParam("category", walked).queryParam("sort", sort).queryParam("limit", 100)));
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                String at = cursor;
                Response page = list(r -> {
                    RequestSpecification spec = r.queryParam("category", walked)
                            .queryParam("sort", sort)
                            .queryParam("limit", 3);
                    return at == null ? spec : spec.queryParam("cursor", at);
                });
                paged.addAll(slugs(page));
                cursor = page.jsonPath().getString("nextCursor");
                if (cursor != null) {
                    assertThat(page.header("Link")).contains("rel=\"next\"").contains("cursor=" + cursor);
                }
                if (pages == 1) {
                    // products added mid-walk (ties on the sort key included) must not shift the pages still to come
                    CatalogFixture.product(walked, "Walk item a", 500);
                    CatalogFixture.product(walked, "Walk item z", 530);
                }
                pages++;
            } while (cursor != null);
            assertThat(new HashSet<>(paged))
                    .as("no duplicates for sort %s", sort)
                    .hasSize(paged.size());
            assertThat(paged).as("no gaps for sort %s", sort).containsAll(before);
            assertThat(pages).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void countIsOnlyComputedWhenAsked() {
        Response plain = list(r -> r.queryParam("category", mugs));
        assertThat(plain.header("X-Total-Count")).isNull();
        Response counted = list(
                r -> r.queryParam("category", mugs).queryParam("count", true).queryParam("limit", 2));
        assertThat(counted.header("X-Total-Count")).isEqualTo("7");
    }

    @Test
    void cursorsFromAnotherSortOrEditedOnesAreBadRequests() {
        String cursor = list(r -> r.queryParam("category", root).queryParam("limit", 2))
                .jsonPath()
                .getString("nextCursor");
        list(r -> r.queryParam("category", root).queryParam("sort", "price").queryParam("cursor", cursor))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        list(r -> r.queryParam("cursor", "bm90LWEtY3Vyc29y"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        list(r -> r.queryParam("cursor", "%%%")).then().statusCode(400);
    }

    @Test
    void badListParametersAreBadRequests() {
        list(r -> r.queryParam("limit", 0)).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        list(r -> r.queryParam("limit", 101)).then().statusCode(400);
        list(r -> r.queryParam("minPrice", "-1")).then().statusCode(400).body("errors[0].field", equalTo("minPrice"));
        list(r -> r.queryParam("sort", "cheapest"))
                .then()
                .statusCode(400)
                .body("type", equalTo("/problems/invalid-request"));
        list(r -> r.queryParam("sort", "relevance")).then().statusCode(400);
        list(r -> r.queryParam("category", "no-such-category-here")).then().statusCode(400);
        list(r -> r.queryParam("attr.Bad Name", "x")).then().statusCode(400);
    }

    @Test
    void publicReadsCarryETagsAndAnswer304WhenUnchanged() {
        Map<String, Object> product = CatalogFixture.product(lateArrivals, "Cached mug", 1234);
        String path = "/api/v1/products/" + product.get("slug");
        Response first = anonymous().get(path);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("public").contains("max-age=");
        anonymous()
                .header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag));

        admin().contentType("application/json")
                .header("If-Match", "\"" + product.get("version") + "\"")
                .body(Map.of("name", "Cached mug v2", "category", lateArrivals, "status", "ACTIVE"))
                .put("/api/v1/admin/products/" + product.get("id"))
                .then()
                .statusCode(200);
        Response changed = anonymous().header("If-None-Match", etag).get(path);
        changed.then().statusCode(200).body("name", equalTo("Cached mug v2")).header("ETag", notNullValue());
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        String treeTag = anonymous().get("/api/v1/categories").header("ETag");
        anonymous()
                .header("If-None-Match", treeTag)
                .get("/api/v1/categories")
                .then()
                .statusCode(304);
    }

    @Test
    void detailShowsVariantsWithTypedAttributes() {
        Map<String, Object> first = created.get(0);
        anonymous()
                .get("/api/v1/products/" + first.get("slug"))
                .then()
                .statusCode(200)
                .body("variants.size()", equalTo(2))
                .body("variants[1].attributes.organic", equalTo(true))
                .body("variants[1].price.amount", equalTo(1500))
                .body("category.slug", equalTo(shirts));
        anonymous()
                .get("/api/v1/products/no-such-product-anywhere")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
