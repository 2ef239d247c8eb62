package com.emporium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import com.emporium.testsupport.Eventually;
import com.emporium.testsupport.TestRedis;
import com.emporium.testsupport.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public catalog response cache, on both test replicas (same database and Redis). The test servers
 * run with a time to live of 5 s (pom.xml); changes are announced to every replica within a second.
 */
class CatalogCacheIT {
    private static final String A_URL = Api.BASE_URL;
    private static final String B_URL = System.getProperty("it.b.base.url", Api.BASE_URL);
    private static final Duration ANNOUNCED = Duration.ofMillis(1500);
    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    @Test
    void aCatalogChangeOnOneReplicaIsServedByTheOtherWithinASecond() {
        String category = CatalogFixture.category(null);
        Map<String, Object> product = CatalogFixture.product(category, "Brass lantern", 1000);
        String slug = (String) product.get("slug");

        assertThat(name(A_URL, slug)).isEqualTo("Brass lantern");
        double sharedBefore = counter(B_URL, "catalog_cache_hits_total", "redis");
        // B finds what A stored in Redis (once B has heard of the product's creation, it keys as A does).
        Eventually.await(
                "replica B answers from the entry replica A shared",
                ANNOUNCED,
                () -> "Brass lantern".equals(name(B_URL, slug))
                        && counter(B_URL, "catalog_cache_hits_total", "redis") > sharedBefore);
        double localBefore = counter(B_URL, "catalog_cache_hits_total", "local");
        assertThat(name(B_URL, slug)).isEqualTo("Brass lantern");
        assertThat(counter(B_URL, "catalog_cache_hits_total", "local")).isGreaterThan(localBefore);
        assertThat(listedNames(B_URL, category)).containsExactly("Brass lantern");

        rename(product, category, "Copper lantern");

        // The writer reads its own change at once; the other replica within the announced bound.
        assertThat(name(A_URL, slug)).isEqualTo("Copper lantern");
        Eventually.await("replica B shows the new name", ANNOUNCED, () -> "Copper lantern".equals(name(B_URL, slug)));
        Eventually.await(
                "replica B lists the new name",
                ANNOUNCED,
                () -> listedNames(B_URL, category).equals(List.of("Copper lantern")));
    }

    @Test
    void aStockChangeOnOneReplicaReachesTheOtherReplicasCacheWithinASecond() {
        String category = CatalogFixture.category(null);
        Map<String, Object> product = CatalogFixture.product(category, "Tin cup", 700);
        String slug = (String) product.get("slug");
        String sku = sku(product);
        assertThat(level(B_URL, slug)).isEqualTo("OUT");
        assertThat(level(B_URL, slug)).isEqualTo("OUT");

        assertThat(inStockOnList(B_URL, category)).isFalse();
        assertThat(inStockOnList(B_URL, category)).isFalse();
        receive(sku, 20);

        Eventually.await("replica B shows the stock", ANNOUNCED, () -> "IN_STOCK".equals(level(B_URL, slug)));
        Eventually.await("replica B lists the product in stock", ANNOUNCED, () -> inStockOnList(B_URL, category));
        Eventually.await("replica A shows the stock", ANNOUNCED, () -> "IN_STOCK".equals(level(A_URL, slug)));
    }

    @Test
    void listItemsCarryTheAvailabilityTheDetailPageShows() {
        String category = CatalogFixture.category(null);
        Map<String, Object> stocked = CatalogFixture.product(category, "Stocked kettle", 3000);
        Map<String, Object> soldOut = CatalogFixture.product(category, "Sold out kettle", 3000);
        CatalogFixture.product(category, "Never stocked kettle", 3000);
        receive(sku(stocked), 2);
        receive(sku(soldOut), 1);
        RestAssured.given()
                .baseUri(A_URL)
                .auth()
                .oauth2(Tokens.sign(Api.unique("buyer"), List.of("customer"), c -> c))
                .contentType("application/json")
                .body(Map.of("lines", List.of(Map.of("sku", sku(soldOut), "quantity", 1))))
                .post("/api/v1/reservations")
                .then()
                .statusCode(201);

        Map<String, Boolean> expected = Map.of(
                "Stocked kettle", true,
                "Sold out kettle", false,
                "Never stocked kettle", false);
        Eventually.await("the list shows each product's availability", ANNOUNCED, () -> {
            List<Map<String, Object>> items = get(A_URL, "/api/v1/products?category=" + category)
                    .jsonPath()
                    .getList("items");
            return items.size() == 3
                    && items.stream().allMatch(i -> expected.get(i.get("name")).equals(i.get("inStock")));
        });
        List<Map<String, Object>> items =
                get(A_URL, "/api/v1/products?category=" + category).jsonPath().getList("items");
        for (Map<String, Object> item : items) {
            List<String> levels = get(A_URL, "/api/v1/products/" + item.get("slug"))
                    .jsonPath()
                    .getList("variants.availability.level", String.class);
            boolean sellable = levels.stream().anyMatch(level -> !level.equals("OUT"));
            assertThat(item.get("inStock")).as((String) item.get("name")).isEqualTo(sellable);
        }
    }

    @Test
    void aChangeNoOneAnnouncesIsServedNoLongerThanTheTimeToLive() {
        String category = CatalogFixture.category(null);
        Map<String, Object> product = CatalogFixture.product(category, "Pewter bowl", 900);
        String slug = (String) product.get("slug");
        assertThat(name(A_URL, slug)).isEqualTo("Pewter bowl");

        long changedAt = System.nanoTime();
        changeUnannounced("UPDATE product SET name = 'Silver bowl' WHERE slug = ?", slug);

        Response stale = get(A_URL, "/api/v1/products/" + slug);
        assertThat(stale.jsonPath().getString("name"))
                .as("the cache answers until its entry expires")
                .isEqualTo("Pewter bowl");
        int age = Integer.parseInt(stale.header("Age"));
        assertThat(age).isBetween(0, (int) TIME_TO_LIVE.toSeconds());
        assertThat(stale.header("Cache-Control")).isEqualTo("public, max-age=60");

        Eventually.await(
                "the unannounced change is served",
                TIME_TO_LIVE.plusSeconds(1),
                () -> "Silver bowl".equals(name(A_URL, slug)));
        assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThanOrEqualTo(TIME_TO_LIVE.plusSeconds(1));
    }

    @Test
    void aCachedResponseIsTheResponseComputedForIt() {
        String category = CatalogFixture.category(null);
        CatalogFixture.product(category, "Clay jug", 1200);
        CatalogFixture.product(category, "Clay pot", 1300);
        CatalogFixture.product(category, "Clay cup", 1400);
        String path = "/api/v1/products?sort=price&limit=2&count=true&category=" + category;

        Response computed = get(A_URL, path);
        Response cached = get(A_URL, path);
        Response signedIn = RestAssured.given()
                .baseUri(A_URL)
                .auth()
                .oauth2(Tokens.withRoles("staff"))
                .get(path);

        assertThat(computed.statusCode()).isEqualTo(200);
        assertThat(computed.jsonPath().getList("items.name")).containsExactly("Clay jug", "Clay pot");
        for (Response other : List.of(cached, signedIn)) {
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.asByteArray()).isEqualTo(computed.asByteArray());
            for (String header : List.of("ETag", "Cache-Control", "Content-Type", "X-Total-Count", "Link")) {
                assertThat(other.header(header)).as(header).isEqualTo(computed.header(header));
            }
        }
        assertThat(headerNames(cached)).isEqualTo(headerNames(computed));
        assertThat(computed.header("X-Total-Count")).isEqualTo("3");
        assertThat(computed.header("Link")).contains("cursor=");

        // Parameters in another order and one the list ignores: the same entry, and the same answer.
        Response reordered =
                get(A_URL, "/api/v1/products?category=" + category + "&count=true&limit=2&utm_source=x&sort=price");
        assertThat(reordered.asByteArray()).isEqualTo(computed.asByteArray());
        assertThat(reordered.header("ETag")).isEqualTo(computed.header("ETag"));

        Api.anonymous()
                .header("If-None-Match", computed.header("ETag"))
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", computed.header("ETag"));
    }

    @Test
    void signedInReadsNeitherComeFromNorGoIntoTheCache() {
        String category = CatalogFixture.category(null);
        String cachedSlug =
                (String) CatalogFixture.product(category, "Oak stool", 5000).get("slug");
        String staffSlug =
                (String) CatalogFixture.product(category, "Oak bench", 9000).get("slug");

        assertThat(name(A_URL, cachedSlug)).isEqualTo("Oak stool");
        changeUnannounced("UPDATE product SET name = 'Ash stool' WHERE slug = ?", cachedSlug);
        assertThat(name(A_URL, cachedSlug)).as("the guest's copy is cached").isEqualTo("Oak stool");
        assertThat(staff().get("/api/v1/products/" + cachedSlug).jsonPath().getString("name"))
                .as("a signed-in read is never answered from the cache")
                .isEqualTo("Ash stool");

        assertThat(staff().get("/api/v1/products/" + staffSlug).jsonPath().getString("name"))
                .isEqualTo("Oak bench");
        changeUnannounced("UPDATE product SET name = 'Ash bench' WHERE slug = ?", staffSlug);
        assertThat(name(A_URL, staffSlug))
                .as("a signed-in read is never stored for guests")
                .isEqualTo("Ash bench");
    }

    @Test
    void withRedisDownCatalogReadsComeFromTheDatabase() throws IOException {
        String category = CatalogFixture.category(null);
        Map<String, Object> product = CatalogFixture.product(category, "Linen towel", 1500);
        String slug = (String) product.get("slug");
        TestRedis.shutDown();
        try {
            Eventually.await("Redis stopped", Duration.ofSeconds(10), () -> !TestRedis.up());
            for (String replica : List.of(A_URL, B_URL)) {
                assertThat(name(replica, slug)).isEqualTo("Linen towel");
                assertThat(listedNames(replica, category)).containsExactly("Linen towel");
                get(replica, "/api/v1/categories").then().statusCode(200);
            }
            rename(product, category, "Cotton towel");
            assertThat(name(A_URL, slug)).isEqualTo("Cotton towel");
            Eventually.await(
                    "replica B shows the new name without Redis",
                    ANNOUNCED,
                    () -> "Cotton towel".equals(name(B_URL, slug)));
            String log = Files.readString(Path.of(System.getProperty("it.server.log")));
            assertThat(log).contains("Catalog response cache cannot use Redis");
        } finally {
            TestRedis.restart();
        }
        Eventually.await("Redis back", Duration.ofSeconds(10), TestRedis::up);
        // Once Redis answers again (and the replicas' pause after the failure is over), they share again:
        // each try asks for a page neither replica has asked for before.
        AtomicInteger limit = new AtomicInteger(1);
        Eventually.await("replicas share entries through Redis again", Duration.ofSeconds(15), () -> {
            String page = "/api/v1/products?category=" + category + "&limit=" + limit.getAndIncrement();
            get(A_URL, page).then().statusCode(200);
            double shared = counter(B_URL, "catalog_cache_hits_total", "redis");
            get(B_URL, page).then().statusCode(200);
            return counter(B_URL, "catalog_cache_hits_total", "redis") > shared;
        });
    }

    private static RequestSpecification staff() {
        return RestAssured.given().baseUri(A_URL).auth().oauth2(Tokens.withRoles("staff"));
    }

    private static Response get(String baseUrl, String path) {
        return RestAssured.given().baseUri(baseUrl).accept("application/json").get(path);
    }

    private static String name(String baseUrl, String slug) {
        Response response = get(baseUrl, "/api/v1/products/" + slug);
        response.then().statusCode(200);
        return response.jsonPath().getString("name");
    }

    private static String level(String baseUrl, String slug) {
        Response response = get(baseUrl, "/api/v1/products/" + slug);
        response.then().statusCode(200);
        return response.jsonPath().getString("variants[0].availability.level");
    }

    private static List<String> listedNames(String baseUrl, String category) {
        Response response = get(baseUrl, "/api/v1/products?category=" + category);
        response.then().statusCode(200);
        return response.jsonPath().getList("items.name", String.class);
    }

    private static boolean inStockOnList(String baseUrl, String category) {
        Response response = get(baseUrl, "/api/v1/products?category=" + category);
        response.then().statusCode(200);
        return response.jsonPath().getBoolean("items[0].inStock");
    }

    private static void receive(String sku, int quantity) {
        RestAssured.given()
                .baseUri(A_URL)
                .auth()
                .oauth2(Tokens.withRoles("staff"))
                .contentType("application/json")
                .body(Map.of("quantity", quantity, "reason", "delivery"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                .then()
                .statusCode(200);
    }

    private static Set<String> headerNames(Response response) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.headers()) {
            names.add(header.getName());
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static String sku(Map<String, Object> product) {
        return (String)
                ((List<Map<String, Object>>) product.get("variants")).get(0).get("sku");
    }

    private static void rename(Map<String, Object> product, String category, String name) {
        Object id = product.get("id");
        String etag = Api.admin()
                .get("/api/v1/admin/products/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Api.admin()
                .contentType("application/json")
                .header("If-Match", etag)
                .body(Map.of("name", name, "description", "", "category", category, "status", "ACTIVE"))
                .put("/api/v1/admin/products/{id}", id)
                .then()
                .statusCode(200);
    }

    /**
     * A write with the database's triggers off for this session: no catalog generation bump and no
     * signal, as if a signal were lost. Only the time to live can end what the cache holds.
     */
    private static void changeUnannounced(String sql, Object... params) {
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "postgres", "");
                Statement session = db.createStatement();
                PreparedStatement statement = db.prepareStatement(sql)) {
            session.execute("SET session_replication_role = replica");
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double counter(String baseUrl, String name, String layer) {
        String metrics = RestAssured.given()
                .baseUri(baseUrl)
                .accept("text/plain")
                .get("/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*layer=\"" + layer + "\"[^}]*\\} ([0-9.Ee+-]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
