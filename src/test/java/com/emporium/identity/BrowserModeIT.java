package com.emporium.identity;

import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Browser mode: the session's refresh token in a __Host- cookie, the access token in memory, and CSRF
 * token plus Origin checks on every unsafe request that carries the cookie without a bearer token.
 */
class BrowserModeIT {
    private static final String SELF =
            "http://localhost:" + URI.create(Api.BASE_URL).getPort();
    private static final String STOREFRONT = "https://shop.it.example";

    private Accounts.Login account;
    private Response login;

    @BeforeEach
    void logInWithCookies() {
        account = Accounts.customer();
        login = from(clientIp())
                .header("Origin", STOREFRONT)
                .body(Map.of("email", account.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login?mode=cookie");
        login.then().statusCode(200);
    }

    private RequestSpecification withCookies() {
        return from(clientIp()).cookies(login.getCookies());
    }

    private RequestSpecification withCookiesAndToken() {
        return withCookies().auth().oauth2(login.path("accessToken"));
    }

    @Test
    void cookiesCarryTheRequiredAttributesAndTheBodyNoTokens() {
        List<String> setCookies = login.headers().getValues("Set-Cookie");
        assertThat(setCookies).hasSize(2);
        for (String cookie : setCookies) {
            assertThat(cookie)
                    .startsWith("__Host-")
                    .contains("; Path=/")
                    .contains("; Secure")
                    .contains("; SameSite=Lax")
                    .doesNotContainIgnoringCase("Domain=");
        }
        assertThat(setCookies)
                .filteredOn(c -> c.startsWith("__Host-emporium-refresh="))
                .singleElement()
                .asString()
                .contains("; HttpOnly");
        // A reloaded page has lost the token from the login answer; it reads it back from this cookie.
        assertThat(setCookies)
                .filteredOn(c -> c.startsWith("__Host-emporium-csrf="))
                .singleElement()
                .asString()
                .startsWith("__Host-emporium-csrf=" + login.jsonPath().getString("csrfToken") + ";")
                .doesNotContain("HttpOnly");
        assertThat(login.jsonPath().getString("accessToken")).isNotBlank();
        assertThat(login.jsonPath().getString("refreshToken"))
                .as("the refresh token is only in the cookie")
                .isNull();
        assertThat(login.jsonPath().getString("csrfToken")).hasSizeGreaterThan(20);
    }

    @Test
    void theInMemoryAccessTokenWorksBesideTheCookies() {
        withCookiesAndToken().get("/api/v1/me").then().statusCode(200).body("email", equalTo(account.email()));
        withCookies().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void unsafeCookieRequestsNeedTheCsrfTokenAndASameOrConfiguredOrigin() {
        String csrf = login.path("csrfToken");
        String path = "/api/v1/auth/logout";
        assertCsrfRefusal(withCookies().header("Origin", SELF).post(path), "/problems/csrf");
        assertCsrfRefusal(
                withCookies()
                        .header("Origin", SELF)
                        .header("X-CSRF-Token", csrf + "x")
                        .post(path),
                "/problems/csrf");
        assertCsrfRefusal(
                withCookies().header("Origin", SELF).header("X-CSRF-Token", "").post(path), "/problems/csrf");
        assertCsrfRefusal(
                withCookies()
                        .header("Origin", "https://evil.example")
                        .header("X-CSRF-Token", csrf)
                        .post(path),
                "/problems/cross-origin");
        assertCsrfRefusal(
                withCookies()
                        .header("Origin", "null")
                        .header("X-CSRF-Token", csrf)
                        .post(path),
                "/problems/cross-origin");
        assertCsrfRefusal(withCookies().header("X-CSRF-Token", csrf).post(path), "/problems/cross-origin");
        assertCsrfRefusal(
                withCookies().header("Origin", SELF).body("{}").put("/api/v1/admin/categories/1"), "/problems/csrf");
        // The session survived every refused attempt; with both checks passed the request gets through.
        withCookies()
                .header("Origin", STOREFRONT)
                .header("X-CSRF-Token", csrf)
                .post(path)
                .then()
                .statusCode(204);
    }

    @Test
    void theOriginMustMatchTheSchemeToo() {
        String csrf = login.path("csrfToken");
        String httpsSelf = SELF.replace("http://", "https://");
        assertCsrfRefusal(
                withCookies()
                        .header("Origin", httpsSelf)
                        .header("X-CSRF-Token", csrf)
                        .post("/api/v1/auth/refresh"),
                "/problems/cross-origin");
        withCookies()
                .header("Origin", SELF)
                .header("X-CSRF-Token", csrf)
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(200);
    }

    @Test
    void anAuthorizationHeaderDoesNotExemptACookieRequest() {
        assertCsrfRefusal(
                withCookiesAndToken().header("Origin", "https://evil.example").post("/api/v1/auth/refresh"),
                "/problems/cross-origin");
        assertCsrfRefusal(withCookiesAndToken().header("Origin", SELF).post("/api/v1/auth/logout"), "/problems/csrf");
        withCookiesAndToken()
                .header("Origin", SELF)
                .header("X-CSRF-Token", (String) login.path("csrfToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(200);
    }

    @Test
    void loginInBrowserModeChecksTheOrigin() {
        from(clientIp())
                .header("Origin", "https://evil.example")
                .body(Map.of("email", account.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login?mode=cookie")
                .then()
                .statusCode(403);
    }

    @Test
    void refreshAndLogoutWorkWithCookiesAndCsrf() {
        String csrf = login.path("csrfToken");
        assertCsrfRefusal(withCookies().header("Origin", SELF).post("/api/v1/auth/refresh"), "/problems/csrf");
        Response refreshed = Api.anonymous()
                .header("X-Forwarded-For", clientIp())
                .cookies(login.getCookies())
                .header("Origin", SELF)
                .header("X-CSRF-Token", csrf)
                .post("/api/v1/auth/refresh");
        refreshed.then().statusCode(200);
        assertThat(refreshed.getCookies()).containsKeys("__Host-emporium-refresh", "__Host-emporium-csrf");
        assertThat(refreshed.getCookie("__Host-emporium-refresh"))
                .isNotEqualTo(login.getCookie("__Host-emporium-refresh"));
        String newCsrf = refreshed.path("csrfToken");
        Response logout = from(clientIp())
                .cookies(refreshed.getCookies())
                .header("Origin", SELF)
                .header("X-CSRF-Token", newCsrf)
                .post("/api/v1/auth/logout");
        logout.then().statusCode(204);
        assertThat(logout.headers().getValues("Set-Cookie")).allMatch(c -> c.contains("Max-Age=0"));
        from(clientIp())
                .body(Map.of("refreshToken", refreshed.getCookie("__Host-emporium-refresh")))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
    }

    @Test
    void bearerModeNeedsNoCsrfToken() {
        account.api()
                .contentType("application/json")
                .header("Origin", "https://evil.example")
                .body(Map.of("currentPassword", "wrong password..", "newPassword", "a new long password"))
                .post("/api/v1/me/password")
                .then()
                .statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
    }

    private static void assertCsrfRefusal(Response response, String type) {
        response.then().statusCode(403).contentType("application/problem+json").body("type", equalTo(type));
    }
}
