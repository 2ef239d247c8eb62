package com.emporium.identity;

import static com.emporium.testsupport.Accounts.PASSWORD;
import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.Eventually;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An access token stops working on both replicas within moments of whatever ended its session or
 * changed its account: logout, password change, refresh-token reuse, role change, removal. Replica B
 * has answered with the token before the change, so it holds a cached "active" that must be dropped.
 */
class TokenRevocationIT {
    private static final String B_URL = System.getProperty("it.b.base.url", Api.BASE_URL);
    /** Well under the session cache's time to live (30 s): only the cluster signal can make it in time. */
    private static final Duration PROPAGATION = Duration.ofSeconds(5);

    private static RequestSpecification onA(String token) {
        return Api.anonymous().header("X-Forwarded-For", clientIp()).auth().oauth2(token);
    }

    private static RequestSpecification onB(String token) {
        return RestAssured.given()
                .baseUri(B_URL)
                .accept("application/json")
                .header("X-Forwarded-For", clientIp())
                .auth()
                .oauth2(token);
    }

    private static void worksOnBoth(String token) {
        onA(token).get("/api/v1/me").then().statusCode(200);
        onB(token).get("/api/v1/me").then().statusCode(200);
    }

    private static void refusedOnBoth(String token) {
        onA(token).get("/api/v1/me").then().statusCode(401).header("Content-Type", "application/problem+json");
        Eventually.await(
                "replica B refuses the token",
                PROPAGATION,
                () -> onB(token).get("/api/v1/me").statusCode() == 401);
    }

    @Test
    void logoutEndsTheAccessTokenOnBothReplicas() {
        Accounts.Login login = Accounts.customer();
        worksOnBoth(login.accessToken());
        from(clientIp())
                .body(Map.of("refreshToken", login.refreshToken()))
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(204);
        refusedOnBoth(login.accessToken());
    }

    @Test
    void aPasswordChangeEndsEveryAccessTokenOfTheAccount() {
        Accounts.Login login = Accounts.customer();
        Accounts.Login other = Accounts.login(login.email(), PASSWORD);
        worksOnBoth(other.accessToken());
        login.api()
                .contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "a brand new long passphrase"))
                .post("/api/v1/me/password")
                .then()
                .statusCode(204);
        refusedOnBoth(login.accessToken());
        refusedOnBoth(other.accessToken());
    }

    @Test
    void refreshTokenReuseEndsTheAccessTokensOfTheSession() {
        Accounts.Login login = Accounts.customer();
        String next = from(clientIp())
                .body(Map.of("refreshToken", login.refreshToken()))
                .post("/api/v1/auth/refresh")
                .path("accessToken");
        worksOnBoth(login.accessToken());
        worksOnBoth(next);
        from(clientIp())
                .body(Map.of("refreshToken", login.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
        refusedOnBoth(login.accessToken());
        refusedOnBoth(next);
    }

    @Test
    void aDemotedAdminCannotUseItsOldTokenToCreateAnAdmin() {
        Accounts.Login demoted = Accounts.withRole("admin");
        worksOnBoth(demoted.accessToken());
        Accounts.firstAdmin()
                .api()
                .contentType("application/json")
                .body(Map.of("role", "customer"))
                .put("/api/v1/admin/accounts/" + demoted.id() + "/role")
                .then()
                .statusCode(200);
        refusedOnBoth(demoted.accessToken());
        String email = Accounts.uniqueEmail("not-created");
        onB(demoted.accessToken())
                .contentType("application/json")
                .body(Map.of("email", email, "password", PASSWORD, "role", "admin"))
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(401);
        assertThat(IdentityDatabase.count("SELECT count(*) FROM account WHERE email = ?", email))
                .isZero();
    }

    @Test
    void aRemovedAccountsTokensStopAndItCannotLogIn() {
        Accounts.Login login = Accounts.customer();
        worksOnBoth(login.accessToken());
        Accounts.firstAdmin()
                .api()
                .delete("/api/v1/admin/accounts/" + login.id())
                .then()
                .statusCode(204);
        refusedOnBoth(login.accessToken());
        from(clientIp())
                .body(Map.of("email", login.email(), "password", PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401);
        assertThat(IdentityDatabase.count("SELECT count(*) FROM account WHERE id = ?", login.id()))
                .isZero();
        assertThat(IdentityDatabase.count("SELECT count(*) FROM auth_session WHERE account_id = ?", login.id()))
                .isZero();
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorRemoved() {
        Accounts.Login first = Accounts.firstAdmin();
        // Other tests leave admins behind; demote them so that the first admin is the only one.
        List<String> others =
                IdentityDatabase.strings("SELECT id::text FROM account WHERE role = 'admin' AND id <> ?", first.id());
        for (String id : others) {
            first.api()
                    .contentType("application/json")
                    .body(Map.of("role", "staff"))
                    .put("/api/v1/admin/accounts/" + id + "/role")
                    .then()
                    .statusCode(200);
        }
        first.api()
                .contentType("application/json")
                .body(Map.of("role", "staff"))
                .put("/api/v1/admin/accounts/" + first.id() + "/role")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/last-admin"));
        first.api()
                .delete("/api/v1/admin/accounts/" + first.id())
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/last-admin"));
        assertThat(IdentityDatabase.strings("SELECT role FROM account WHERE id = ?", first.id()))
                .containsExactly("admin");
        first.api().get("/api/v1/me").then().statusCode(200).body("role", equalTo("admin"));
        // With a second admin, one of the two may step down.
        Accounts.Login second = Accounts.withRole("admin");
        second.api()
                .contentType("application/json")
                .body(Map.of("role", "staff"))
                .put("/api/v1/admin/accounts/" + second.id() + "/role")
                .then()
                .statusCode(200);
        assertThat(IdentityDatabase.count("SELECT count(*) FROM account WHERE role = 'admin'"))
                .isEqualTo(1);
    }
}
