package com.emporium.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the short-lived access tokens MicroProfile JWT verifies: RS256, the configured issuer and
 * audience, the role in {@code groups}, the account id in {@code sub} and the session in {@code sid}.
 */
@ApplicationScoped
public class AccessTokens {
    /** ASVS 3.5: access tokens stay short-lived; longer settings are cut to this. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "jwt.issuer", defaultValue = "https://emporium.local")
    String issuer;

    @Inject
    @ConfigProperty(name = "jwt.audience", defaultValue = "emporium-api")
    String audience;

    @Inject
    @ConfigProperty(name = "emporium.jwt.access-ttl", defaultValue = "PT10M")
    Duration lifetime;

    public record Issued(String token, Instant expiresAt) {}

    public Issued issue(long accountId, String email, String role, UUID sessionId) {
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime().toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
        RSAKey key = keys.signer();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(Long.toString(accountId))
                .claim("upn", email)
                .claim("groups", List.of(role))
                .claim("sid", sessionId.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token with key " + key.getKeyID(), e);
        }
        return new Issued(jwt.serialize(), expires);
    }

    public Duration lifetime() {
        return lifetime.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : lifetime;
    }
}
