package com.emporium.platform;

import static com.emporium.testsupport.Api.admin;
import static com.emporium.testsupport.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
                response = anonymous().get("/api/v1/products?limit=1");
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
