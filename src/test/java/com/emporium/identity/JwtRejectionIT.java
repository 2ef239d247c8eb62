package com.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.Eventually;
import com.emporium.testsupport.TestKeyPair;
import com.emporium.testsupport.Tokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Tokens that must not get in. Each is otherwise a valid staff token for a staff-only endpoint, so the
 * single defect under test is what makes the difference; every one must answer 401, never 500.
 */
class JwtRejectionIT {
    private static final String PROTECTED = "/api/v1/admin/categories/1";
    private static final Path KEY_DIR = Path.of(System.getProperty("it.keys.dir", "target/it-keys"), "server");

    private static void assertRejected(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private static Response call(String token) {
        return Api.anonymous().header("Authorization", "Bearer " + token).get(PROTECTED);
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(Tokens.ISSUER)
                .audience(Tokens.AUDIENCE)
                .subject("jwt-tester")
                .claim("upn", "jwt-tester")
                .claim("groups", List.of("staff"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims, PrivateKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String withClaims(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        return signed(rs256(TestKeyPair.KID), change.apply(validClaims()).build(), Tokens.key());
    }

    private static JWSHeader rs256(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theControlTokenIsAccepted() throws JOSEException {
        assertThat(call(withClaims(c -> c)).statusCode()).isIn(200, 404);
    }

    @Test
    void noTokenOrGarbage() {
        assertRejected(Api.anonymous().get(PROTECTED));
        assertRejected(call("not.a.jwt"));
        assertRejected(Api.anonymous().header("Authorization", "Bearer ").get(PROTECTED));
        assertRejected(Api.anonymous()
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .get(PROTECTED));
    }

    @Test
    void algNone() throws JOSEException {
        String[] parts = withClaims(c -> c).split("\\.");
        assertRejected(call(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."));
        assertRejected(call(b64("{\"alg\":\"none\",\"kid\":\"it-test\"}") + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void hs256SignedWithThePublicKey() throws Exception {
        byte[] publicPem = Files.readAllBytes(KEY_DIR.resolve(TestKeyPair.KID + ".pem"));
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestKeyPair.KID).build(),
                validClaims().build());
        jwt.sign(new MACSigner(publicPem));
        assertRejected(call(jwt.serialize()));
    }

    @Test
    void otherAsymmetricAlgorithms() throws Exception {
        SignedJWT rs512 = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(TestKeyPair.KID).build(),
                validClaims().build());
        rs512.sign(new RSASSASigner(Tokens.key()));
        assertRejected(call(rs512.serialize()));
        var ec = new ECKeyGenerator(Curve.P_256).keyID(TestKeyPair.KID).generate();
        SignedJWT es256 = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(TestKeyPair.KID).build(),
                validClaims().build());
        es256.sign(new ECDSASigner(ec));
        assertRejected(call(es256.serialize()));
    }

    @Test
    void unknownKidAndForeignKey() throws Exception {
        KeyPair stranger = TestKeyPair.generate();
        assertRejected(call(signed(rs256("unknown-kid"), validClaims().build(), stranger.getPrivate())));
        assertRejected(call(signed(rs256(TestKeyPair.KID), validClaims().build(), stranger.getPrivate())));
        assertRejected(call(signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256).build(), validClaims().build(), stranger.getPrivate())));
    }

    @Test
    void expiredBeyondTheClockSkew() throws JOSEException {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        assertRejected(call(
                withClaims(c -> c.issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past)))));
    }

    @Test
    void notYetValid() throws JOSEException {
        Instant future = Instant.now().plus(Duration.ofMinutes(10));
        assertRejected(call(withClaims(c -> c.notBeforeTime(Date.from(future))
                .issueTime(Date.from(future))
                .expirationTime(Date.from(future.plusSeconds(300))))));
    }

    @Test
    void wrongIssuer() throws JOSEException {
        assertRejected(call(withClaims(c -> c.issuer("https://evil.example"))));
        assertRejected(call(withClaims(c -> c.issuer(null))));
    }

    @Test
    void wrongOrMissingAudience() throws JOSEException {
        assertRejected(call(withClaims(c -> c.audience("another-api"))));
        assertRejected(call(withClaims(c -> c.audience((String) null))));
    }

    @Test
    void missingExpiry() throws JOSEException {
        assertRejected(call(withClaims(c -> c.expirationTime(null))));
    }

    @Test
    void tamperedPayload() throws JOSEException {
        String[] parts = withClaims(c -> c.claim("groups", List.of("customer"))).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("customer", "staff");
        assertRejected(call(parts[0] + "." + b64(payload) + "." + parts[2]));
    }

    @Test
    void truncatedOrMissingSignature() throws JOSEException {
        String token = withClaims(c -> c);
        assertRejected(call(token.substring(0, token.length() - 10)));
        assertRejected(call(token.substring(0, token.lastIndexOf('.') + 1)));
        assertRejected(call(token.substring(0, token.lastIndexOf('.'))));
    }

    @Test
    void tokenInTheQueryStringIsIgnored() throws JOSEException {
        String token = withClaims(c -> c);
        assertRejected(Api.anonymous().queryParam("access_token", token).get(PROTECTED));
        assertRejected(Api.anonymous().queryParam("token", token).get(PROTECTED));
    }

    @Test
    void aRotatedOutKeyStopsWorking() throws Exception {
        KeyPair temporary = TestKeyPair.generate();
        String kid = "it-temporary-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = KEY_DIR.resolve(kid + ".pem");
        Files.writeString(
                file, TestKeyPair.pem("PUBLIC KEY", temporary.getPublic().getEncoded()));
        String token = signed(rs256(kid), validClaims().build(), temporary.getPrivate());
        try {
            Eventually.await("key published", Duration.ofSeconds(20), () -> jwks().contains(kid));
            assertThat(call(token).statusCode()).as("token of a published key").isIn(200, 404);
        } finally {
            Files.deleteIfExists(file);
        }
        Eventually.await("key withdrawn", Duration.ofSeconds(20), () -> !jwks().contains(kid));
        assertRejected(call(token));
    }

    @Test
    void aNewSigningKeyTakesOverWithoutRestartAndOldTokensStayValid() throws Exception {
        Accounts.Login before = Accounts.customer();
        KeyPair next = TestKeyPair.generate();
        String kid = "zz-rotation-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = KEY_DIR.resolve(kid + ".pem");
        Files.writeString(file, TestKeyPair.pem("PRIVATE KEY", next.getPrivate().getEncoded()));
        try {
            Eventually.await("new key published", Duration.ofSeconds(20), () -> jwks().contains(kid));
            Accounts.Login after = Accounts.login(before.email(), Accounts.PASSWORD);
            String header = new String(
                    Base64.getUrlDecoder().decode(after.accessToken().split("\\.")[0]), StandardCharsets.UTF_8);
            assertThat(header).contains(kid);
            after.api().get("/api/v1/me").then().statusCode(200);
            before.api().get("/api/v1/me").then().statusCode(200);
            List<String> rotations = Accounts.firstAdmin()
                    .api()
                    .queryParam("type", "keys.rotated")
                    .get("/api/v1/admin/audit")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("subject");
            assertThat(rotations).as("the rotation is in the audit trail").contains(kid);
        } finally {
            Files.deleteIfExists(file);
            Eventually.await("rotation key withdrawn", Duration.ofSeconds(20), () -> !jwks().contains(kid));
        }
    }

    private static String jwks() {
        return Api.anonymous()
                .accept("application/jwk-set+json")
                .get("/.well-known/jwks.json")
                .asString();
    }
}
