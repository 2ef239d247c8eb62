package com.emporium.identity;

import static com.emporium.testsupport.Accounts.PASSWORD;
import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Accounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing an account's password from many addresses uses up the account's shared budget, but not the
 * budget of an address the owner has logged in from before: the owner is not locked out, strangers are.
 */
class LoginLockoutIT {
    /** The per-account limit the test servers run with (pom.xml: emporium.ratelimit.login.per-account). */
    private static final int PER_ACCOUNT = 20;

    @Test
    void guessesFromElsewhereDoNotLockTheOwnerOutOfTheirUsualAddress() {
        Accounts.Login owner = Accounts.customer();
        String home = clientIp();
        from(home)
                .body(Map.of("email", owner.email(), "password", PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200);
        int throttled = 0;
        for (int i = 0; i < PER_ACCOUNT + 2; i++) {
            int status = from(clientIp())
                    .body(Map.of("email", owner.email(), "password", "wrong guess number " + i))
                    .post("/api/v1/auth/login")
                    .statusCode();
            assertThat(status).isIn(401, 429);
            if (status == 429) {
                throttled++;
            }
        }
        assertThat(throttled)
                .as("guesses refused once the shared budget was spent")
                .isGreaterThanOrEqualTo(2);
        from(clientIp())
                .body(Map.of("email", owner.email(), "password", PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(429);
        from(home)
                .body(Map.of("email", owner.email(), "password", PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200);
    }
}
