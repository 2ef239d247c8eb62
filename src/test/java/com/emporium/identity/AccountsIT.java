package com.emporium.identity;

import static com.emporium.testsupport.Accounts.PASSWORD;
import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static com.emporium.testsupport.Accounts.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration, login, /me, password changes and accounts made by admins. */
class AccountsIT {

    @Test
    void aCustomerRegistersLogsInAndSeesThemself() {
        String email = uniqueEmail("Reg");
        from(clientIp())
                .body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("passwordHash")));
        Response login = from(clientIp())
                .body(Map.of("email", email.toUpperCase(), "password", PASSWORD))
                .post("/api/v1/auth/login");
        login.then().statusCode(200).body("tokenType", equalTo("Bearer")).body("refreshToken", notNullValue());
        assertThat(login.<Integer>path("expiresIn")).isBetween(1, 900);
        String access = login.path("accessToken");
        Api.anonymous()
                .auth()
                .oauth2(access)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(email.toLowerCase()))
                .body("role", equalTo("customer"));
        String header = new String(Base64.getUrlDecoder().decode(access.split("\\.")[0]));
        assertThat(header).contains("\"RS256\"").contains("\"kid\"");
    }

    @Test
    void anAdminCreatingATakenEmailIsAConflictAndShortPasswordsAreRefused() {
        String email = uniqueEmail("dup");
        Accounts.Login admin = Accounts.firstAdmin();
        admin.api()
                .contentType("application/json")
                .body(Map.of("email", email, "password", PASSWORD, "role", "staff"))
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(201);
        admin.api()
                .contentType("application/json")
                .body(Map.of("email", email.toUpperCase(), "password", PASSWORD, "role", "staff"))
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/email-taken"));
        from(clientIp())
                .body(Map.of("email", uniqueEmail("weak"), "password", "short"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("password"));
    }

    @Test
    void unknownUserAndWrongPasswordAnswerIdentically() {
        Accounts.Login known = Accounts.customer();
        List<Long> unknownTimes = new ArrayList<>();
        List<Long> wrongTimes = new ArrayList<>();
        String unknownBody = null;
        String wrongBody = null;
        for (int i = 0; i < 8; i++) {
            long t0 = System.nanoTime();
            Response unknown = from(clientIp())
                    .body(Map.of("email", uniqueEmail("nobody"), "password", PASSWORD))
                    .post("/api/v1/auth/login");
            long t1 = System.nanoTime();
            Response wrong = from(clientIp())
                    .body(Map.of("email", known.email(), "password", PASSWORD + "x"))
                    .post("/api/v1/auth/login");
            long t2 = System.nanoTime();
            unknownTimes.add(t1 - t0);
            wrongTimes.add(t2 - t1);
            assertThat(unknown.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(401);
            unknownBody = unknown.asString();
            wrongBody = wrong.asString();
        }
        assertThat(unknownBody).isEqualTo(wrongBody);
        double ratio = (double) median(unknownTimes) / median(wrongTimes);
        assertThat(ratio).as("median time unknown/wrong").isBetween(0.5, 2.0);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void changingThePasswordEndsEverySession() {
        Accounts.Login login = Accounts.customer();
        login.api()
                .contentType("application/json")
                .body(Map.of("currentPassword", "wrong password!!", "newPassword", "another long password"))
                .post("/api/v1/me/password")
                .then()
                .statusCode(401);
        login.api()
                .contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "another long password"))
                .post("/api/v1/me/password")
                .then()
                .statusCode(204);
        from(clientIp())
                .body(Map.of("refreshToken", login.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
        from(clientIp())
                .body(Map.of("email", login.email(), "password", PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401);
        Accounts.login(login.email(), "another long password");
    }

    @Test
    void theFirstAdminCreatesStaffAndChangesRolesAndItIsAudited() {
        Accounts.Login admin = Accounts.firstAdmin();
        Accounts.Login staff = Accounts.withRole("staff");
        staff.api().get("/api/v1/me").then().statusCode(200).body("role", equalTo("staff"));
        staff.api()
                .contentType("application/json")
                .body(Map.of("email", uniqueEmail("x"), "password", PASSWORD, "role", "admin"))
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(403);
        admin.api()
                .contentType("application/json")
                .body(Map.of("role", "customer"))
                .put("/api/v1/admin/accounts/" + staff.id() + "/role")
                .then()
                .statusCode(200)
                .body("role", equalTo("customer"));
        admin.api()
                .queryParam("type", "account.role-changed")
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .body("find { it.subject == '" + staff.id() + "' }.detail", equalTo("staff -> customer"));
        admin.api()
                .queryParam("type", "login.succeeded")
                .queryParam("actor", Long.toString(staff.id()))
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
        // The token from before the demotion no longer stands; a new login carries the new role.
        staff.api().get("/api/v1/admin/audit").then().statusCode(401);
        Accounts.login(staff.email(), PASSWORD)
                .api()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(403);
    }
}
