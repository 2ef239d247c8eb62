package com.emporium.identity;

import static com.emporium.testsupport.Accounts.PASSWORD;
import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request data cannot forge a log line or put line breaks into the audit table. */
class LogInjectionIT {

    @Test
    void aLoginEmailWithALineBreakIsRefusedAndForgesNothing() throws IOException {
        String marker = Api.unique("forged");
        String forged =
                "x@it.emporium.local\n[11/27/26 12:00:00:000 UTC] 00000042 AuditLog I audit login.succeeded actor="
                        + marker;
        for (String path : new String[] {"/api/v1/auth/login", "/api/v1/auth/register"}) {
            from(clientIp())
                    .body(Map.of("email", forged, "password", PASSWORD))
                    .post(path)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("email"));
        }
        assertThat(IdentityDatabase.count("SELECT count(*) FROM audit_event WHERE actor LIKE ?", "%" + marker + "%"))
                .isZero();
        String log = Files.readString(Path.of(System.getProperty("it.server.log")));
        assertThat(log).doesNotContain(marker);
    }

    @Test
    void theAuditTableHoldsNoLineBreaksAtAll() {
        from(clientIp())
                .body(Map.of("email", "cr\r\nlf@it.emporium.local", "password", PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400);
        assertThat(IdentityDatabase.count("SELECT count(*) FROM audit_event WHERE actor ~ '[\\r\\n]'"
                        + " OR subject ~ '[\\r\\n]' OR detail ~ '[\\r\\n]' OR request_id ~ '[\\r\\n]'"))
                .isZero();
    }
}
