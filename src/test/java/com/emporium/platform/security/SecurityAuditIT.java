package com.emporium.platform.security;

import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The refusals of the HTTP edge reach the audit trail with the client address, the request id and an
 * account id (never an email) as the actor.
 */
class SecurityAuditIT {
    private static List<Map<String, Object>> events(String type) {
        return Accounts.firstAdmin()
                .api()
                .header("X-Forwarded-For", clientIp())
                .queryParam("type", type)
                .queryParam("limit", 500)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static Map<String, Object> event(String type, Predicate<Map<String, Object>> which) {
        return events(type).stream()
                .filter(which)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event matching; have " + events(type)));
    }

    private static Predicate<Map<String, Object>> at(String ip) {
        return e -> ip.equals(e.get("clientIp"));
    }

    @Test
    void aForbiddenRequestIsRecordedWithTheAccountIdAsActor() {
        Accounts.Login customer = Accounts.customer();
        String ip = clientIp();
        customer.api()
                .header("X-Forwarded-For", ip)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(403);
        Map<String, Object> denied = event("access.denied", at(ip));
        assertThat(denied.get("actor")).isEqualTo(Long.toString(customer.id()));
        assertThat(denied.get("subject")).isEqualTo("/api/v1/admin/audit");
    }

    @Test
    void aRejectedTokenIsRecorded() {
        String ip = clientIp();
        Api.anonymous()
                .header("X-Forwarded-For", ip)
                .auth()
                .oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl")
                .get("/api/v1/me")
                .then()
                .statusCode(401);
        assertThat(event("token.rejected", at(ip)).get("actor")).isEqualTo("anonymous");
    }

    @Test
    void csrfAndOriginRefusalsAreRecorded() {
        String ip = clientIp();
        Accounts.Login account = Accounts.customer();
        Response login = from(ip).header("Origin", "https://shop.it.example")
                .body(Map.of("email", account.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login?mode=cookie");
        login.then().statusCode(200);
        Accounts.from(ip)
                .cookies(login.getCookies())
                .header("Origin", "https://evil.example")
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(403);
        Accounts.from(ip)
                .cookies(login.getCookies())
                .header("Origin", "https://shop.it.example")
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(403);
        assertThat(event("cross-origin.refused", at(ip)).get("detail")).isEqualTo("origin=https://evil.example");
        assertThat(event("csrf.refused", at(ip)).get("subject")).isEqualTo("POST /api/v1/auth/refresh");
    }

    @Test
    void perAddressRateLimitRefusalsAreRecordedOncePerBurst() {
        String ip = clientIp();
        int refused = 0;
        for (int i = 0; i < 45; i++) {
            int status = from(ip).body(Map.of("email", Accounts.uniqueEmail("burst"), "password", "not-the-password"))
                    .post("/api/v1/auth/login")
                    .statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(15);
        List<Map<String, Object>> recorded =
                events("ratelimit.refused").stream().filter(at(ip)).toList();
        assertThat(recorded).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(recorded.get(0).get("subject")).isEqualTo(ip);
        assertThat(recorded.get(0).get("detail")).isEqualTo("limit=auth-ip");
    }

    @Test
    void passwordChangeThrottlingIsRecorded() {
        Accounts.Login customer = Accounts.customer();
        String ip = clientIp();
        int throttled = 0;
        for (int i = 0; i < 7; i++) {
            int status = customer.api()
                    .header("X-Forwarded-For", ip)
                    .contentType("application/json")
                    .body(Map.of("currentPassword", "not the password", "newPassword", "another long password"))
                    .post("/api/v1/me/password")
                    .statusCode();
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(throttled).isPositive();
        Map<String, Object> event = event("password.throttled", at(ip));
        assertThat(event.get("actor")).isEqualTo(Long.toString(customer.id()));
    }

    @Test
    void adminActionsNameTheAdminByAccountId() {
        Accounts.Login staff = Accounts.withRole("staff");
        Map<String, Object> created =
                event("account.created", e -> Long.toString(staff.id()).equals(e.get("subject")));
        assertThat(created.get("actor"))
                .isEqualTo(Long.toString(Accounts.firstAdmin().id()));
    }

    @Test
    void aClientRequestIdIsKeptOnlyWhenItIsASaneToken() {
        String email = Accounts.uniqueEmail("reqid");
        from(clientIp())
                .header("X-Request-Id", "it-" + email.substring(0, 12))
                .body(Map.of("email", email, "password", "not-the-password"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401);
        String hostile = "x".repeat(300) + " <script>";
        Response refused = from(clientIp())
                .header("X-Request-Id", hostile)
                .body(Map.of("email", email, "password", "still-not-the-password"))
                .post("/api/v1/auth/login");
        refused.then().statusCode(401);
        List<Map<String, Object>> failed = events("login.failed").stream()
                .filter(e -> email.equals(e.get("subject")))
                .toList();
        assertThat(failed).extracting(e -> e.get("actor")).containsOnly("anonymous");
        assertThat(failed)
                .extracting(e -> (String) e.get("requestId"))
                .contains("it-" + email.substring(0, 12))
                .contains(refused.header("X-Request-Id"))
                .allMatch(id -> id.matches("[A-Za-z0-9._:-]{1,64}"));
    }
}
