package com.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Eventually;
import com.emporium.testsupport.Mailbox;
import com.emporium.testsupport.Mailbox.Mail;
import io.restassured.response.Response;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Password reset by email: same answer for every address, single-use 30-minute tokens, sessions ended. */
class PasswordResetIT {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String DB_URL = System.getProperty("it.db.url", "jdbc:postgresql://localhost:15432/postgres");
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");
    private static final String NEW_PASSWORD = "a brand new passphrase for tests";

    private static Response requestReset(String email) {
        return Accounts.from(Accounts.clientIp()).body(Map.of("email", email)).post("/api/v1/auth/password-reset");
    }

    private static Response confirm(String token, String password) {
        return Accounts.from(Accounts.clientIp())
                .body(Map.of("token", token, "newPassword", password))
                .post("/api/v1/auth/password-reset/confirm");
    }

    private static String tokenFrom(Mail mail) {
        Matcher matcher = TOKEN.matcher(mail.text());
        assertThat(matcher.find()).as("a token link in: " + mail.text()).isTrue();
        return matcher.group(1);
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAsAKnownOneAndNoMail() {
        Accounts.Login known = Accounts.customer();
        String unknown = Accounts.uniqueEmail("nobody");

        Response forKnown = requestReset(known.email());
        Response forUnknown = requestReset(unknown);

        forKnown.then().statusCode(202);
        forUnknown.then().statusCode(202);
        assertThat(forUnknown.asString()).isEqualTo(forKnown.asString());
        Mailbox.await(known.email(), 1, BOUND);
        assertThat(query(
                        "SELECT count(*) FROM outbox WHERE type = 'account.password-reset'" + " AND aggregate_id = ?",
                        known.id()))
                .isEqualTo(1);
        assertThat(Mailbox.of(unknown)).isEmpty();
    }

    @Test
    void theMailedTokenSetsANewPasswordOnceAndEndsEverySession() {
        Accounts.Login account = Accounts.customer();
        requestReset(account.email()).then().statusCode(202);
        Mail mail = Mailbox.await(account.email(), 1, BOUND).get(0);
        assertThat(mail.subject()).isEqualTo("IT Shop & Co: reset your password");
        assertThat(mail.text()).contains("within 30 minutes");
        String token = tokenFrom(mail);
        assertThat(mail.html()).contains(token);

        // Only a hash is stored, and the delivered event no longer carries the link.
        assertThat(query(
                        "SELECT count(*) FROM password_reset WHERE account_id = ? AND token_hash <> ?",
                        account.id(),
                        token))
                .isEqualTo(1);
        Eventually.await(
                "the reset event is delivered and redacted",
                BOUND,
                () -> query(
                                "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = 'account.password-reset'"
                                        + " AND delivered_at IS NOT NULL AND payload NOT LIKE ?",
                                account.id(),
                                "%" + token + "%")
                        == 1);

        confirm(token, NEW_PASSWORD).then().statusCode(204);

        Accounts.login(account.email(), NEW_PASSWORD);
        Accounts.from(Accounts.clientIp())
                .body(Map.of("email", account.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401);
        Accounts.from(Accounts.clientIp())
                .body(Map.of("refreshToken", account.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
        account.api().get("/api/v1/me").then().statusCode(401);

        confirm(token, "yet another passphrase for tests")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/reset-token-used"));
    }

    @Test
    void anExpiredOrUnknownTokenOrAWeakPasswordIsRefused() {
        Accounts.Login account = Accounts.customer();
        requestReset(account.email()).then().statusCode(202);
        String token = tokenFrom(Mailbox.await(account.email(), 1, BOUND).get(0));

        confirm(token, "short")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("newPassword"));
        confirm("not-a-token-that-was-ever-issued", NEW_PASSWORD)
                .then()
                .statusCode(400)
                .body("type", equalTo("/problems/reset-token-invalid"));

        execute(
                "UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE account_id = ?",
                account.id());
        confirm(token, NEW_PASSWORD)
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/reset-token-expired"));
        Accounts.login(account.email(), Accounts.PASSWORD);
    }

    @Test
    void requestsForOneAddressAreLimited() {
        Accounts.Login account = Accounts.customer();
        for (int i = 0; i < 5; i++) {
            requestReset(account.email()).then().statusCode(202);
        }
        assertThat(query("SELECT count(*) FROM password_reset WHERE account_id = ?", account.id()))
                .isEqualTo(3);
        assertThat(query(
                        "SELECT count(*) FROM outbox WHERE type = 'account.password-reset' AND aggregate_id = ?",
                        account.id()))
                .isEqualTo(3);
        assertThat(Mailbox.await(account.email(), 3, BOUND)).hasSize(3);
    }

    @Test
    void usingOneTokenWithdrawsTheOthers() {
        Accounts.Login account = Accounts.customer();
        requestReset(account.email()).then().statusCode(202);
        requestReset(account.email()).then().statusCode(202);
        List<Mail> mails = Mailbox.await(account.email(), 2, BOUND);
        confirm(tokenFrom(mails.get(1)), NEW_PASSWORD).then().statusCode(204);
        confirm(tokenFrom(mails.get(0)), "yet another passphrase for tests")
                .then()
                .statusCode(409);
        Accounts.login(account.email(), NEW_PASSWORD);
    }

    private static long query(String sql, Object... params) {
        try (var c = DriverManager.getConnection(DB_URL, "postgres", "");
                var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql, Object... params) {
        try (var c = DriverManager.getConnection(DB_URL, "postgres", "");
                var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
