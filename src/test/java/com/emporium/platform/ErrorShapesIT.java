package com.emporium.platform;

import static com.emporium.testsupport.Api.admin;
import static com.emporium.testsupport.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Api;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every refusal is an RFC 9457 problem with the right status and nothing internal in it. */
class ErrorShapesIT {

    private static void assertProblem(Response response, int status) {
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status));
        String body = response.asString();
        for (String leak :
                List.of("Exception", "at com.", "at java.", "SQLState", "PSQL", "Liberty", "WebSphere", "eclipse")) {
            assertThat(body).as("problem body must not leak %s", leak).doesNotContain(leak);
        }
        assertThat(response.header("Server")).isNull();
        assertThat(response.header("X-Powered-By")).isNull();
    }

    /**
     * A real server fault: the table behind product images disappears for one request. The answer is
     * a 500 problem with an incident id only, and it still carries the security headers.
     */
    @Test
    void aServerFaultIsA500ProblemThatRevealsNothing() throws SQLException {
        Response response;
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "postgres", "");
                Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE product_image RENAME TO product_image_gone");
            try {
                // A search no one made before: the response cache answers repeated reads without the database.
                response = anonymous()
                        .queryParam("limit", 1)
                        .queryParam("q", Api.unique("away"))
                        .get("/api/v1/products");
            } finally {
                sql.execute("ALTER TABLE product_image_gone RENAME TO product_image");
            }
        }
        assertProblem(response, 500);
        response.then().body("type", equalTo("/problems/server-error")).body("detail", containsString("incident"));
        assertThat(response.asString()).doesNotContain("product_image").doesNotContain("relation");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        anonymous().get("/api/v1/products?limit=1").then().statusCode(200);
    }

    /**
     * A database that cannot serve the request in time (here: a lock held past the server's lock timeout,
     * as during a restart or a long migration) is a 503 with Retry-After that the client may retry, not
     * a 500; it is counted, and the next request succeeds once the lock is gone.
     */
    @Test
    void aDatabaseThatIsBrieflyAwayIsA503ToRetry() throws SQLException {
        Response response;
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "postgres", "");
                Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("LOCK TABLE product_image IN ACCESS EXCLUSIVE MODE");
            try {
                // A search no one made before: the response cache answers repeated reads without the database.
                response = anonymous()
                        .queryParam("limit", 1)
                        .queryParam("q", Api.unique("away"))
                        .get("/api/v1/products");
            } finally {
                db.rollback();
            }
        }
        assertProblem(response, 503);
        response.then().body("type", equalTo("/problems/temporarily-unavailable"));
        assertThat(response.header("Retry-After")).isEqualTo("2");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.asString()).doesNotContain("product_image").doesNotContain("lock");
        anonymous().get("/api/v1/products?limit=1").then().statusCode(200);
        assertThat(anonymous().accept("text/plain").get("/metrics").asString())
                .containsPattern(
                        "emporium_database_unavailable_total\\{[^}]*reason=\"(sqlstate-55P03|lock-timeout)\"[^}]*} [1-9]");
    }

    /** A request target past 8 KiB reaches the application and gets a 414 problem, not the channel's bare 400. */
    @Test
    void anOverlongRequestLineIsA414Problem() {
        String long10k = "x".repeat(10_000);
        Response response =
                anonymous().get("/api/v1/products?q=" + long10k + "&attr.a=" + long10k + "&attr.b=" + long10k);
        assertProblem(response, 414);
        response.then().body("type", equalTo("/problems/uri-too-long"));
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.asString()).doesNotContain(long10k);
        assertThat(anonymous()
                        .get("/api/v1/products?limit=1&q=" + "y".repeat(7_000))
                        .statusCode())
                .isNotEqualTo(414);
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(
                admin().contentType("application/json").body("{\"slug\": ").post("/api/v1/admin/products"), 400);
        assertProblem(admin().contentType("application/json").body("[1,2,3]").post("/api/v1/admin/categories"), 400);
        assertProblem(
                admin().contentType("application/json")
                        .body("{\"slug\": {\"nested\": true}, \"name\": 5}")
                        .post("/api/v1/admin/categories"),
                400);
    }

    @Test
    void aMissingBodyIsABadRequest() {
        assertProblem(admin().contentType("application/json").post("/api/v1/admin/categories"), 400);
    }

    @Test
    void wrongMediaTypeIs415() {
        assertProblem(admin().contentType("text/plain").body("hello").post("/api/v1/admin/products"), 415);
    }

    @Test
    void unacceptableResponseTypeIs406() {
        assertProblem(anonymous().accept("application/xml").get("/api/v1/categories"), 406);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Response response = anonymous().delete("/api/v1/categories");
        assertProblem(response, 405);
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void unknownPathsAre404Everywhere() {
        assertProblem(anonymous().get("/api/v1/no-such-thing"), 404);
        assertProblem(anonymous().get("/no-such-page"), 404);
        assertProblem(admin().get("/api/v1/admin/products/not-a-number"), 404);
        assertProblem(admin().get("/api/v1/admin/products/987654321"), 404);
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(admin().contentType("application/json").body(big).post("/api/v1/admin/categories"), 413);
    }

    @Test
    void validationProblemsNameTheirFields() {
        admin().contentType("application/json")
                .body("{\"slug\":\"ok-slug\"}")
                .post("/api/v1/admin/categories")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("instance", equalTo("/api/v1/admin/categories"));
    }

    @Test
    void invalidTokensAre401Problems() {
        Response response = anonymous().auth().oauth2("not.a.jwt").get("/api/v1/admin/products/1");
        assertProblem(response, 401);
        response.then().header("WWW-Authenticate", containsString("Bearer"));
    }
}
