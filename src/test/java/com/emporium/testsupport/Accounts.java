package com.emporium.testsupport;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Real accounts made through the API, each test with its own, and callers holding their tokens. */
public final class Accounts {
    public static final String PASSWORD = "correct horse battery staple";

    private Accounts() {}

    /** A logged-in account: its id, email and the tokens of one session. */
    public record Login(long id, String email, String accessToken, String refreshToken) {
        public RequestSpecification api() {
            return Api.anonymous().auth().oauth2(accessToken);
        }
    }

    /** A made-up client address; the test server trusts loopback as a proxy, so each test can be its own client. */
    public static String clientIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static RequestSpecification from(String ip) {
        return Api.anonymous().header("X-Forwarded-For", ip).contentType("application/json");
    }

    public static String uniqueEmail(String prefix) {
        return Api.unique(prefix) + "@it.emporium.local";
    }

    public static Login customer() {
        String email = uniqueEmail("customer");
        from(clientIp())
                .body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(202);
        return login(email, PASSWORD);
    }

    /** An account with the given role, created by the configured first admin. */
    public static Login withRole(String role) {
        String email = uniqueEmail(role);
        firstAdmin()
                .api()
                .contentType("application/json")
                .header("X-Forwarded-For", clientIp())
                .body(Map.of("email", email, "password", PASSWORD, "role", role))
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(201);
        return login(email, PASSWORD);
    }

    private static Login firstAdmin;

    /** The configured first admin, logged in once per test run (its token outlives the suite). */
    public static synchronized Login firstAdmin() {
        if (firstAdmin == null) {
            firstAdmin = login(System.getProperty("it.admin.email"), System.getProperty("it.admin.password"));
        }
        return firstAdmin;
    }

    public static Login login(String email, String password) {
        Response response = from(clientIp())
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login");
        response.then().statusCode(200);
        long id = Long.parseLong(Api.anonymous()
                .auth()
                .oauth2(response.path("accessToken"))
                .get("/api/v1/me")
                .path("id")
                .toString());
        return new Login(id, email, response.path("accessToken"), response.path("refreshToken"));
    }
}
