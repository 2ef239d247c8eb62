package com.emporium.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Api;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** How the storefront's files are served: policies, caching, and nothing beyond its own files. */
class StorefrontIT {
    private static final String REPLICA_B = System.getProperty("it.b.base.url", "http://localhost:9081");

    @Test
    void thePageHasItsOwnPolicyWithoutInlineCodeAndIsRevalidatedByEtag() {
        Response page = Api.anonymous().accept("text/html").get("/");
        page.then().statusCode(200).contentType("text/html");
        assertThat(page.asString()).contains("<script type=\"module\" src=\"storefront/app.js\">");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy)
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .contains("style-src 'self'")
                .contains("connect-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(page.headers().getValues("Cache-Control")).containsExactly("no-cache");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String etag = page.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        Response again = Api.anonymous().header("If-None-Match", etag).get("/");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.asString()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
    }

    @Test
    void scriptsAndStylesAreCacheableAndTheApiKeepsItsStricterPolicy() {
        Response script = Api.anonymous().accept("*/*").get("/storefront/app.js");
        script.then().statusCode(200).contentType("text/javascript");
        assertThat(script.headers().getValues("Cache-Control")).containsExactly("public, max-age=300");
        assertThat(script.header("ETag")).isNotBlank();
        Response styles = Api.anonymous().accept("*/*").get("/storefront/styles.css");
        styles.then().statusCode(200).contentType("text/css");
        assertThat(styles.headers().getValues("Cache-Control")).containsExactly("public, max-age=300");
        assertThat(Api.anonymous()
                        .header("If-None-Match", "W/" + styles.header("ETag"))
                        .get("/storefront/styles.css")
                        .statusCode())
                .isEqualTo(304);

        Response api = Api.anonymous().get("/api/v1/categories");
        assertThat(api.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void onlyTheStorefrontsOwnFilesAreServed() {
        for (String path : new String[] {
            "/storefront/missing.js",
            "/storefront/index.html",
            "/storefront/",
            "/storefront/..%2FWEB-INF%2Fweb.xml",
            "/WEB-INF/storefront/app.js",
            "/index.html"
        }) {
            Response response = RestAssured.given()
                    .baseUri(Api.BASE_URL)
                    .urlEncodingEnabled(false)
                    .get(path);
            response.then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-found"));
            assertThat(response.asString()).as(path).doesNotContain("<html").doesNotContain("import ");
        }
    }

    /** Replica B runs without the embedded services and without the storefront key: off, like production. */
    @Test
    void switchedOffItsPathsAnswerLikeAnyUnknownPath() {
        for (String path : new String[] {"/", "/storefront/app.js", "/storefront/styles.css"}) {
            Response response = RestAssured.given().baseUri(REPLICA_B).get(path);
            response.then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-found"))
                    .body("status", equalTo(404));
            assertThat(response.header("Content-Security-Policy"))
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
        RestAssured.given().baseUri(REPLICA_B).get("/api/v1/categories").then().statusCode(200);
    }
}
