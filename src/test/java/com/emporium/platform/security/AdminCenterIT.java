package com.emporium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.Eventually;
import com.emporium.testsupport.RawHttp;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Liberty Admin Center: HTTPS only, for the configured administrator and reader users. */
class AdminCenterIT {
    private static final String HTTPS = System.getProperty("it.https.url");

    private static RequestSpecification https() {
        return RestAssured.given()
                .baseUri(HTTPS)
                .relaxedHTTPSValidation()
                .redirects()
                .follow(false);
    }

    @Test
    void theConsoleIsServedOverHttpsOnly() {
        Response page = https().get("/adminCenter/");
        assertThat(page.statusCode()).isIn(200, 302);
        assertThat(page.header("Strict-Transport-Security")).contains("max-age=31536000");
        Response plain = Api.anonymous().redirects().follow(false).get("/adminCenter/");
        assertThat(plain.statusCode()).as("plain HTTP is redirected to HTTPS").isIn(301, 302, 303, 307, 308);
        assertThat(plain.header("Location")).startsWith("https://");
    }

    /**
     * Liberty's HTTP-to-HTTPS redirect builds its Location from the Host header, as the servlet
     * container's request URL does. A browser cannot be made to send a forged Host, so the only way to
     * turn that into an attack is a shared cache storing a redirect made for a forged Host and serving
     * it to others: the redirect must therefore never be storable.
     */
    @Test
    void theRedirectForAForgedHostCannotBeCached() throws Exception {
        RawHttp.Answer plain = RawHttp.exchange("GET /adminCenter/ HTTP/1.1\r\nHost: evil.example", new byte[0]);
        assertThat(plain.status()).isIn(301, 302, 303, 307, 308);
        assertThat(plain.header("Cache-Control")).isEqualTo("no-store");
        assertThat(plain.header("Strict-Transport-Security")).contains("max-age=31536000");
    }

    @Test
    void administratorAndReaderAuthenticateOthersDoNot() {
        String api = "/IBMJMXConnectorREST/mbeanCount";
        https().auth()
                .preemptive()
                .basic("platform-admin", System.getProperty("it.admin-center.password"))
                .get(api)
                .then()
                .statusCode(200);
        https().auth()
                .preemptive()
                .basic("platform-reader", System.getProperty("it.admin-center.reader.password"))
                .get(api)
                .then()
                .statusCode(200);
        https().auth()
                .preemptive()
                .basic("platform-admin", "wrong-password")
                .get(api)
                .then()
                .statusCode(401);
        https().get(api).then().statusCode(401);
    }

    private static Response fetchFile(Path file) {
        String encoded = URLEncoder.encode(file.toAbsolutePath().toString(), StandardCharsets.UTF_8);
        return https().auth()
                .preemptive()
                .basic("platform-admin", System.getProperty("it.admin-center.password"))
                .urlEncodingEnabled(false)
                .get("/IBMJMXConnectorREST/file/" + encoded);
    }

    @Test
    void theFileConnectorServesTheLogsButNoSecret() throws Exception {
        Path log = Path.of(System.getProperty("it.server.log"));
        Path serverDir = log.getParent().getParent();
        Response logs = fetchFile(log);
        assertThat(logs.statusCode()).as("control: the logs stay readable").isEqualTo(200);
        assertThat(logs.asString()).contains("CWWKF0011I");
        List<Path> secrets = new ArrayList<>(List.of(
                serverDir.resolve("bootstrap.properties"),
                serverDir.resolve("server.env"),
                serverDir.resolve("server.xml")));
        try (Stream<Path> keys = Files.list(Path.of(System.getProperty("it.keys.dir"), "server"))) {
            keys.filter(p -> p.toString().endsWith(".pem")).forEach(secrets::add);
        }
        assertThat(serverDir.resolve("bootstrap.properties")).exists();
        for (Path secret : secrets.stream().filter(Files::exists).toList()) {
            Response answer = fetchFile(secret);
            assertThat(answer.statusCode()).as(secret.toString()).isNotEqualTo(200);
            assertThat(answer.asString())
                    .as(secret.toString())
                    .doesNotContain("BEGIN")
                    .doesNotContain(System.getProperty("it.admin-center.password"));
        }
    }

    private static int connectorAs(String user, String password) {
        return https().auth()
                .preemptive()
                .basic(user, password)
                .get("/IBMJMXConnectorREST/mbeanCount")
                .statusCode();
    }

    @Test
    void repeatedFailedLoginsLockTheUserUntilTheLockoutEnds() {
        String reader = "platform-reader";
        String readerPassword = System.getProperty("it.admin-center.reader.password");
        assertThat(connectorAs(reader, readerPassword))
                .as("control: the reader logs in")
                .isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(connectorAs(reader, "wrong-password-" + i)).isEqualTo(401);
        }
        assertThat(connectorAs(reader, readerPassword))
                .as("after five failures even the right password is refused")
                .isEqualTo(401);
        assertThat(connectorAs("PLATFORM-READER", readerPassword))
                .as("the name's case does not dodge the limit")
                .isEqualTo(401);
        assertThat(connectorAs("platform-admin", System.getProperty("it.admin-center.password")))
                .as("other users are not affected")
                .isEqualTo(200);
        Api.anonymous().get("/api/v1/products?limit=1").then().statusCode(200);
        // The test servers lock for 4 seconds; the user comes back without any other action.
        Eventually.await("the lockout ends", Duration.ofSeconds(20), () -> connectorAs(reader, readerPassword) == 200);
    }
}
