package com.emporium.flags;

import static com.emporium.testsupport.Api.admin;
import static com.emporium.testsupport.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import com.emporium.testsupport.Eventually;
import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Feature flags from the watched file: changes reach both replicas without a restart, a broken file is
 * refused while the last good flags stay, percentage rollouts are stable per person across replicas,
 * OFREP serves public flags only (checked with OpenFeature's own OFREP client), and flags really gate
 * the search typo fallback and guest checkout.
 */
class FlagsIT {
    private static final String B_URL = System.getProperty("it.b.base.url", Api.BASE_URL);
    private static final Duration RELOAD_BOUND = Duration.ofSeconds(30);

    @AfterEach
    void restoreTheBaselineFile() throws Exception {
        install(baseline());
    }

    @Test
    void aChangedFileTakesEffectOnBothReplicasWithoutARestart() throws Exception {
        String banner =
                flagsWith("\"banner\": {\"state\": \"ENABLED\", \"variants\": {\"a\": \"spring\", \"b\": \"summer\"},"
                        + " \"defaultVariant\": \"a\", \"metadata\": {\"public\": true}}");
        install(banner);
        for (String base : List.of(Api.BASE_URL, B_URL)) {
            ofrep(base, "banner", Map.of()).then().statusCode(200);
            assertThat(ofrep(base, "banner", Map.of()).jsonPath().getString("value"))
                    .isEqualTo("spring");
        }
        install(banner.replace("\"defaultVariant\": \"a\"", "\"defaultVariant\": \"b\""));
        for (String base : List.of(Api.BASE_URL, B_URL)) {
            Response answer = ofrep(base, "banner", Map.of());
            assertThat(answer.jsonPath().getString("value")).isEqualTo("summer");
            assertThat(answer.jsonPath().getString("variant")).isEqualTo("b");
        }
    }

    @Test
    void aBrokenFileIsRefusedAndTheLastGoodFlagsStayInForce() throws Exception {
        install(flagsWith("\"banner\": {\"state\": \"ENABLED\", \"variants\": {\"a\": \"spring\"},"
                + " \"defaultVariant\": \"a\", \"metadata\": {\"public\": true}}"));
        String good = sha256(Files.readString(flagFile()));
        write("{ \"flags\": { \"banner\": { \"state\": \"ENABLED\", \"variants\": ");
        for (String base : List.of(Api.BASE_URL, B_URL)) {
            Eventually.await(
                    "the broken file reported on " + base,
                    RELOAD_BOUND,
                    () -> adminFlags(base).jsonPath().getString("rejection") != null);
            Response flags = adminFlags(base);
            assertThat(flags.jsonPath().getString("sha256")).isEqualTo(good);
            assertThat(flags.jsonPath().getString("rejection"))
                    .contains("rejected")
                    .contains(good);
            assertThat(ofrep(base, "banner", Map.of()).jsonPath().getString("value"))
                    .isEqualTo("spring");
            Response ready = RestAssured.given().baseUri(base).get("/health/ready");
            ready.then().statusCode(200);
            assertThat(ready.asString()).contains("feature-flags").contains("rejected");
            String metrics = RestAssured.given()
                    .baseUri(base)
                    .accept("text/plain")
                    .get("/metrics")
                    .asString();
            assertThat(metrics).containsPattern("emporium_flags_file_valid\\{[^}]*} 0");
            assertThat(metrics).containsPattern("emporium_flags_reload_failures_total\\{[^}]*} [1-9]");
        }
    }

    @Test
    void aPercentageRolloutPutsEachPersonInOneBucketOnEveryReplica() throws Exception {
        install(
                flagsWith(
                        "\"half\": {\"state\": \"ENABLED\", \"variants\": {\"on\": true, \"off\": false},"
                                + " \"defaultVariant\": \"off\", \"metadata\": {\"public\": true}, \"targeting\": {\"fractional\": ["
                                + " {\"cat\": [{\"var\": \"$flagd.flagKey\"}, {\"var\": \"targetingKey\"}]}, [\"on\", 50], [\"off\", 50]]}}"));
        Set<Boolean> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String person = "shopper-" + Api.unique("p");
            Boolean onA = ofrep(Api.BASE_URL, "half", Map.of("targetingKey", person))
                    .jsonPath()
                    .getBoolean("value");
            for (int again = 0; again < 2; again++) {
                assertThat(ofrep(B_URL, "half", Map.of("targetingKey", person))
                                .jsonPath()
                                .getBoolean("value"))
                        .as("bucket of %s on replica B", person)
                        .isEqualTo(onA);
                assertThat(anonymous()
                                .header("X-Anonymous-Id", person)
                                .contentType(ContentType.JSON)
                                .body("{}")
                                .post("/api/v1/ofrep/v1/evaluate/flags/half")
                                .jsonPath()
                                .getBoolean("value"))
                        .as("bucket of %s by header", person)
                        .isEqualTo(onA);
            }
            seen.add(onA);
        }
        assertThat(seen).as("both halves of a 50/50 rollout over 40 people").containsExactlyInAnyOrder(true, false);
    }

    @Test
    void ofrepServesPublicFlagsOnlyAndSpeaksTheProtocolItsClientsExpect() throws Exception {
        install(flagsWith("\"banner\": {\"state\": \"ENABLED\", \"variants\": {\"on\": true, \"off\": false},"
                + " \"defaultVariant\": \"on\", \"metadata\": {\"public\": true}},"
                + " \"secret-pricing\": {\"state\": \"ENABLED\", \"variants\": {\"on\": true, \"off\": false},"
                + " \"defaultVariant\": \"on\"}"));
        Response privateFlag = ofrep(Api.BASE_URL, "secret-pricing", Map.of());
        Response unknown = ofrep(Api.BASE_URL, "no-such-flag", Map.of());
        for (Response refused : List.of(privateFlag, unknown)) {
            refused.then().statusCode(404);
            assertThat(refused.jsonPath().getString("errorCode")).isEqualTo("FLAG_NOT_FOUND");
        }
        assertThat(privateFlag.asString()).doesNotContain("\"value\"");
        List<String> bulk = anonymous()
                .contentType(ContentType.JSON)
                .body("{\"context\": {}}")
                .post("/api/v1/ofrep/v1/evaluate/flags")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("flags.key");
        assertThat(bulk).contains("banner", "storefront-new-product-page").doesNotContain("secret-pricing");
        // The admin view lists both, with the public marker.
        Response listing = adminFlags(Api.BASE_URL);
        assertThat(listing.jsonPath().getList("flags.key")).contains("banner", "secret-pricing");
        assertThat(listing.jsonPath().getBoolean("flags.find { it.key == 'secret-pricing' }.isPublic"))
                .isFalse();

        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        api.setProviderAndWait(
                "ofrep-it",
                OfrepProvider.constructProvider(OfrepProviderOptions.builder()
                        .baseUrl(Api.BASE_URL + "/api/v1")
                        .build()));
        var client = api.getClient("ofrep-it");
        assertThat(client.getBooleanValue("banner", false, new MutableContext("someone")))
                .isTrue();
        assertThat(client.getBooleanDetails("secret-pricing", false, new MutableContext("someone"))
                        .getErrorCode())
                .hasToString("FLAG_NOT_FOUND");
        api.shutdown();
    }

    @Test
    void theSearchTypoFallbackFollowsItsFlag() throws Exception {
        String category = CatalogFixture.category(null);
        CatalogFixture.product(category, "Quillwort teapot", 2500);
        String typo = "quilwort";
        // The baseline's own entry is switched off (a second entry with the same key would be a duplicate).
        String baseline = baseline();
        int flag = baseline.indexOf("\"search-typo-fallback\"");
        String on = "\"defaultVariant\": \"on\"";
        int variant = baseline.indexOf(on, flag);
        install(baseline.substring(0, variant) + "\"defaultVariant\": \"off\""
                + baseline.substring(variant + on.length()));
        assertThat(search(category, typo)).isEmpty();
        install(baseline());
        assertThat(search(category, typo)).hasSize(1);
    }

    @Test
    void guestCheckoutFollowsItsFlag() throws Exception {
        String sku = (String) ((Map<?, ?>)
                        ((List<?>) CatalogFixture.product(CatalogFixture.category(null), "Flagged mug", 1200)
                                        .get("variants"))
                                .get(0))
                .get("sku");
        Api.as("staff")
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 5, "reason", "flag test delivery"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                .then()
                .statusCode(200);
        Response cart = anonymous().post("/api/v1/carts");
        cart.then().statusCode(201);
        String id = cart.path("id");
        String token = cart.path("token");
        String version = anonymous()
                .header("Cart-Token", token)
                .get("/api/v1/carts/{id}", id)
                .header("ETag");
        anonymous()
                .header("Cart-Token", token)
                .header("If-Match", version)
                .contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "quantity", 1))
                .post("/api/v1/carts/{id}/lines", id)
                .then()
                .statusCode(200);
        Map<String, Object> order = Map.of(
                "cartId",
                id,
                "email",
                Api.unique("flags") + "@it.emporium.local",
                "shippingAddress",
                Map.of(
                        "name",
                        "Erika Mustermann",
                        "line1",
                        "Heidestraße 17",
                        "city",
                        "Köln",
                        "postalCode",
                        "51147",
                        "country",
                        "DE"),
                "shippingMethod",
                "eu-standard");

        String baseline = baseline();
        int flag = baseline.indexOf("\"guest-checkout\"");
        String on = "\"defaultVariant\": \"on\"";
        int variant = baseline.indexOf(on, flag);
        install(baseline.substring(0, variant) + "\"defaultVariant\": \"off\""
                + baseline.substring(variant + on.length()));
        Response refused = anonymous()
                .header("Cart-Token", token)
                .header("Idempotency-Key", Api.unique("guest-off"))
                .contentType(ContentType.JSON)
                .body(order)
                .post("/api/v1/orders");
        refused.then().statusCode(403).contentType("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("/problems/guest-checkout-disabled");

        install(baseline);
        anonymous()
                .header("Cart-Token", token)
                .header("Idempotency-Key", Api.unique("guest-on"))
                .contentType(ContentType.JSON)
                .body(order)
                .post("/api/v1/orders")
                .then()
                .statusCode(201);

        // The guest's flag context is read without a token: nothing asks the runtime for one, so it
        // does not log an error (CWWKS5604E) on every guest request, as an injected token would.
        assertThat(Files.readString(Path.of(System.getProperty("it.server.log"))))
                .doesNotContain("CWWKS5604E");
    }

    private static List<String> search(String category, String q) {
        return anonymous()
                .queryParam("category", category)
                .queryParam("q", q)
                .get("/api/v1/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.slug");
    }

    private static Response ofrep(String base, String key, Map<String, Object> context) {
        return RestAssured.given()
                .baseUri(base)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .body(Map.of("context", context))
                .post("/api/v1/ofrep/v1/evaluate/flags/" + key);
    }

    private static Response adminFlags(String base) {
        return admin().baseUri(base)
                .get("/api/v1/admin/flags")
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    /** Writes a flag file and waits until both replicas have loaded it. */
    private static void install(String json) throws Exception {
        write(json);
        String hash = sha256(json);
        for (String base : List.of(Api.BASE_URL, B_URL)) {
            Eventually.await(
                    "flags " + hash + " loaded on " + base,
                    RELOAD_BOUND,
                    () -> hash.equals(adminFlags(base).jsonPath().getString("sha256")));
        }
    }

    /** Replaces the file in one step, as a ConfigMap update does, so a replica never reads half of it. */
    private static void write(String json) throws IOException, URISyntaxException {
        Path target = flagFile();
        Path next = target.resolveSibling("it-flags.json.next");
        Files.writeString(next, json, StandardCharsets.UTF_8);
        Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String baseline() throws IOException, URISyntaxException {
        return Files.readString(
                Path.of(FlagsIT.class.getResource("/it-flags-baseline.json").toURI()));
    }

    private static String flagsWith(String extraFlags) throws IOException, URISyntaxException {
        String base = baseline();
        int open = base.indexOf("\"flags\": {") + "\"flags\": {".length();
        return base.substring(0, open) + "\n    " + extraFlags + "," + base.substring(open);
    }

    private static Path flagFile() throws URISyntaxException {
        return Path.of(FlagsIT.class.getResource("/it-flags.json").toURI());
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
