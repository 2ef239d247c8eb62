package com.emporium.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Signs test tokens with the private half of the key pair the test server trusts. */
public final class Tokens {
    public static final String ISSUER = "https://emporium.local";
    public static final String AUDIENCE = "emporium-api";
    private static final PrivateKey KEY = loadKey();

    private Tokens() {}

    public static String withRoles(String... roles) {
        return sign("tester-" + String.join("-", roles), List.of(roles), claims -> claims);
    }

    /** A valid token for one subject and the given roles, after {@code customize} had its say. */
    public static String sign(String subject, List<String> roles, UnaryOperator<JWTClaimsSet.Builder> customize) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("upn", subject)
                .claim("groups", roles)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(TestKeyPair.KID)
                            .build(),
                    customize.apply(claims).build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private half of the key the test server trusts as kid "it-test". */
    public static PrivateKey key() {
        return KEY;
    }

    private static PrivateKey loadKey() {
        Path pem = Path.of(System.getProperty("it.keys.dir", "target/it-keys"), "jwt-private.pem");
        try {
            String body =
                    Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
