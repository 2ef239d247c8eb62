package com.emporium.platform.security;

import static com.emporium.testsupport.Accounts.clientIp;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.RawHttp;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The secure-headers set on a sample of every kind of answer, and CORS for configured origins only. */
class SecurityHeadersIT {
    private static final String STOREFRONT = "https://shop.it.example";

    private static void assertSecureHeaders(Response response, boolean application) {
        String what = response.statusCode() + " " + response.header("Content-Type");
        assertThat(response.header("Strict-Transport-Security"))
                .as(what)
                .contains("max-age=31536000")
                .contains("includeSubDomains");
        assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        assertThat(response.header("Server")).as(what).isNull();
        assertThat(response.header("X-Powered-By")).as(what).isNull();
        if (application) {
            assertThat(response.header("Content-Security-Policy"))
                    .as(what)
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
    }

    private static void assertPrivate(Response response) {
        assertThat(response.headers().getValues("Cache-Control"))
                .as(response.statusCode() + " Cache-Control")
                .containsExactly("no-store");
    }

    @Test
    void successfulAnswers() {
        Response publicRead = Api.anonymous().get("/api/v1/products");
        assertSecureHeaders(publicRead, true);
        assertThat(publicRead.headers().getValues("Cache-Control")).containsExactly("public, max-age=60");
        Accounts.Login login = Accounts.customer();
        Response me = login.api().get("/api/v1/me");
        assertSecureHeaders(me, true);
        assertPrivate(me);
        Response jwks = Api.anonymous().get("/.well-known/jwks.json");
        assertSecureHeaders(jwks, true);
    }

    @Test
    void errorAnswersOfTheApplication() {
        Accounts.Login customer = Accounts.customer();
        List<Response> errors = List.of(
                Api.anonymous().get("/api/v1/me"), // 401
                customer.api().get("/api/v1/admin/audit"), // 403
                Api.anonymous().get("/api/v1/no-such-thing"), // 404 in the API
                Api.anonymous().get("/no-such-page"), // 404 from the container's error page
                Api.anonymous().delete("/api/v1/categories"), // 405
                Api.admin().contentType("text/plain").body("x").post("/api/v1/admin/products"), // 415
                Api.anonymous().accept("application/xml").get("/api/v1/categories"), // 406
                Accounts.from(clientIp()).body("{").post("/api/v1/auth/login")); // 400
        assertThat(errors.stream().map(Response::statusCode)).containsExactly(401, 403, 404, 404, 405, 415, 406, 400);
        for (Response error : errors) {
            assertSecureHeaders(error, true);
            assertPrivate(error);
        }
    }

    @Test
    void answersTheRuntimeWritesItself() {
        for (Response response : List.of(
                Api.anonymous().get("/health/ready"),
                Api.anonymous().get("/health"),
                Api.anonymous().accept("text/plain").get("/metrics"),
                Api.anonymous().accept("application/json").get("/openapi"))) {
            assertSecureHeaders(response, false);
            String what = response.statusCode() + " " + response.header("Content-Type");
            assertThat(response.header("Content-Security-Policy")).as(what).contains("frame-ancestors");
            assertThat(response.header("X-Frame-Options")).as(what).isIn("DENY", "SAMEORIGIN");
            // The runtime's own cache directive (no-cache for cookies) stays; these answers are never cacheable
            // publicly.
            assertThat(response.header("Cache-Control")).isNotNull().doesNotContain("public");
        }
    }

    @Test
    void publicAnswersNeverEchoTheHostHeaderNorNameInternalServices() throws Exception {
        int port = URI.create(Api.BASE_URL).getPort();
        RawHttp.Answer openapi = RawHttp.exchange(
                "GET /openapi HTTP/1.1\r\nHost: attacker.example:" + port + "\r\nAccept: application/json",
                new byte[0]);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/").doesNotContain("attacker.example");
        String ready = Api.anonymous().get("/health/ready").asString();
        assertThat(ready)
                .contains("redis")
                .doesNotContain("\"address\"")
                .doesNotContain(":" + System.getProperty("it.redis.port"));
    }

    @Test
    void rateLimitRefusals() {
        String ip = clientIp();
        Response last = null;
        for (int i = 0; i < 31; i++) {
            last = Accounts.from(ip)
                    .body(Map.of("email", "x@y.z", "password", "p"))
                    .post("/api/v1/auth/login");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertSecureHeaders(last, true);
        assertPrivate(last);
    }

    @Test
    void corsOnlyForConfiguredOrigins() {
        Response allowed = Api.anonymous().header("Origin", STOREFRONT).get("/api/v1/categories");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(STOREFRONT);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(allowed.header("Vary")).contains("Origin");
        Response other =
                Api.anonymous().header("Origin", "https://evil.example").get("/api/v1/categories");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        Response preflight = Api.anonymous()
                .header("Origin", STOREFRONT)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .options("/api/v1/auth/login");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(STOREFRONT);
        assertThat(preflight.header("Access-Control-Allow-Headers"))
                .contains("Authorization")
                .contains("X-CSRF-Token");
        Response refused = Api.anonymous()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/auth/login");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }
}
