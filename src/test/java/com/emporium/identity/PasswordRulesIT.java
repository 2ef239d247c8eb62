package com.emporium.identity;

import static com.emporium.testsupport.Accounts.PASSWORD;
import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static com.emporium.testsupport.Accounts.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Accounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NIST SP 800-63B passwords: one rule at registration, account creation and change; length at login. */
class PasswordRulesIT {
    private static final List<String> REFUSED = List.of(
            "password1234", "Password1234", "aaaaaaaaaaaa", "            ", "abcdefghijklm", "qwertyuiopasdfgh");

    @Test
    void registrationRefusesCommonRepeatedAndRunPasswordsAndCreatesNoAccount() {
        for (String password : REFUSED) {
            String email = uniqueEmail("weak");
            from(clientIp())
                    .body(Map.of("email", email, "password", password))
                    .post("/api/v1/auth/register")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("/problems/validation"))
                    .body("errors[0].field", equalTo("password"));
            assertThat(IdentityDatabase.count("SELECT count(*) FROM account WHERE email = ?", email))
                    .as("account for %s", password)
                    .isZero();
        }
    }

    @Test
    void spacesAndAnyCharactersAreFineWithoutCompositionRules() {
        String email = uniqueEmail("spaces");
        String password = "  ünïcode pass phrase  ";
        from(clientIp())
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(202);
        Accounts.login(email, password);
    }

    @Test
    void aPasswordChangeAndAnAdminFollowTheSameRule() {
        Accounts.Login login = Accounts.customer();
        login.api()
                .contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "password1234"))
                .post("/api/v1/me/password")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("newPassword"));
        Accounts.login(login.email(), PASSWORD);
        Accounts.firstAdmin()
                .api()
                .contentType("application/json")
                .body(Map.of("email", uniqueEmail("staff"), "password", "aaaaaaaaaaaa", "role", "staff"))
                .post("/api/v1/admin/accounts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("password"));
    }

    @Test
    void aLoginWithAPasswordShorterThanAnyAccountCanHaveIsRefusedAsInvalid() {
        Accounts.Login login = Accounts.customer();
        from(clientIp())
                .body(Map.of("email", login.email(), "password", "short"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("password"));
        from(clientIp())
                .body(Map.of("email", login.email(), "password", "            "))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401);
    }
}
