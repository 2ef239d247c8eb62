package com.emporium.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Writes a fresh RSA key pair before the integration tests: the tests sign their tokens with the
 * private half, and the public half goes into the test server's key directory as {@code it-test.pem},
 * a verification-only key (kid "it-test") beside the key the server generates and signs with.
 */
public final class TestKeyPair {
    public static final String KID = "it-test";

    private TestKeyPair() {}

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        KeyPair pair = generate();
        String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
        Files.writeString(dir.resolve("jwt-public.pem"), publicPem);
        Files.writeString(
                dir.resolve("jwt-private.pem"),
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Path server = dir.resolve("server");
        Files.createDirectories(server);
        Files.writeString(server.resolve(KID + ".pem"), publicPem);
    }

    public static KeyPair generate() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
