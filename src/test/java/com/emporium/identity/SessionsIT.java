package com.emporium.identity;

import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Accounts;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Refresh-token rotation, reuse detection and logout. */
class SessionsIT {

    private static Response refresh(String token) {
        return from(clientIp()).body(Map.of("refreshToken", token)).post("/api/v1/auth/refresh");
    }

    @Test
    void everyRefreshRotatesTheToken() {
        Accounts.Login login = Accounts.customer();
        Response first = refresh(login.refreshToken());
        first.then().statusCode(200);
        String next = first.path("refreshToken");
        assertThat(next).isNotEqualTo(login.refreshToken());
        Response second = refresh(next);
        second.then().statusCode(200);
        from(clientIp())
                .auth()
                .oauth2(second.<String>path("accessToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) login.id()));
    }

    @Test
    void reusingASpentTokenRevokesTheWholeFamily() {
        Accounts.Login login = Accounts.customer();
        String stolen = login.refreshToken();
        String legitimate = refresh(stolen).path("refreshToken");
        refresh(stolen).then().statusCode(401).body("type", equalTo("/problems/invalid-refresh-token"));
        refresh(legitimate).then().statusCode(401);
        Accounts.Login admin = Accounts.firstAdmin();
        admin.api()
                .queryParam("type", "refresh.reused")
                .queryParam("actor", Long.toString(login.id()))
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void concurrentUsesOfOneTokenNeverBothSucceed() throws Exception {
        Accounts.Login login = Accounts.customer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> refresh(login.refreshToken()).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(1);
            assertThat(statuses).allMatch(s -> s == 200 || s == 401);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Accounts.Login login = Accounts.customer();
        from(clientIp())
                .body(Map.of("refreshToken", login.refreshToken()))
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(204);
        refresh(login.refreshToken()).then().statusCode(401);
    }

    @Test
    void garbageAndMissingRefreshTokensAre401() {
        refresh("not-a-token").then().statusCode(401);
        from(clientIp()).body("{}").post("/api/v1/auth/refresh").then().statusCode(401);
    }

    @Test
    void aCustomerEndsOneOfTheirSessionsButNotSomeoneElses() {
        Accounts.Login phone = Accounts.customer();
        Accounts.Login laptop = Accounts.login(phone.email(), Accounts.PASSWORD);
        Accounts.Login stranger = Accounts.customer();
        String phoneSession = phone.api().get("/api/v1/me/sessions").jsonPath().getString("find { it.current }.id");
        assertThat(laptop.api().get("/api/v1/me/sessions").jsonPath().getList("id"))
                .contains(phoneSession);
        Response foreign = stranger.api().delete("/api/v1/me/sessions/" + phoneSession);
        Response missing = stranger.api().delete("/api/v1/me/sessions/" + java.util.UUID.randomUUID());
        foreign.then().statusCode(404);
        missing.then().statusCode(404);
        assertThat(foreign.jsonPath().getString("title"))
                .isEqualTo(missing.jsonPath().getString("title"));
        laptop.api().delete("/api/v1/me/sessions/" + phoneSession).then().statusCode(204);
        refresh(phone.refreshToken()).then().statusCode(401);
        refresh(laptop.refreshToken()).then().statusCode(200);
    }
}
