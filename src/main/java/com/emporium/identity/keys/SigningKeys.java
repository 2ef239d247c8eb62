package com.emporium.identity.keys;

import com.emporium.identity.audit.AuditLog;
import com.emporium.identity.audit.AuditType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA keys behind the access tokens, read from a directory of PEM files whose names are the key
 * ids. Every key in it is published in the JWKS and trusted; the private key whose name sorts last
 * signs. Rotation without restart: add a later-sorting key (it signs from the next rescan on, the old
 * one keeps verifying the tokens it issued), remove the old file once those tokens have expired.
 * Public-only PEM files are trusted verification keys that never sign. In Kubernetes the directory is
 * a mounted Secret, whose files the kubelet updates in place.
 */
@ApplicationScoped
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "emporium.jwt.keys.dir", defaultValue = "jwt-keys")
    String directory;

    /** Development default: with no private key in the directory, make one and say so in the log. */
    @Inject
    @ConfigProperty(name = "emporium.jwt.keys.generate", defaultValue = "true")
    boolean generate;

    @Inject
    @ConfigProperty(name = "emporium.jwt.keys.refresh-seconds", defaultValue = "10")
    long refreshSeconds;

    private record Ring(List<RSAKey> keys, RSAKey signer, String stamp, long loadedAtNanos) {}

    private volatile Ring ring;

    /** Loads the keys at startup, generating a development key when allowed and none exists. */
    public synchronized void prepare() {
        Path dir = dir();
        try {
            Files.createDirectories(dir);
            if (generate && listPem(dir).stream().noneMatch(SigningKeys::isPrivate)) {
                generateDevelopmentKey(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the JWT key directory " + dir, e);
        }
        ring = load(dir);
        if (ring.signer() == null) {
            LOG.severe(
                    () -> "No private key in " + dir + ": no access token can be issued (set EMPORIUM_JWT_KEYS_DIR)");
        } else {
            LOG.info(() -> "Access tokens signed with key '" + ring.signer().getKeyID() + "'; trusted keys: " + kids());
        }
    }

    public RSAKey signer() {
        RSAKey signer = current().signer();
        if (signer == null) {
            throw new IllegalStateException("No private signing key in " + dir());
        }
        return signer;
    }

    /** The public halves, as served at /.well-known/jwks.json. */
    public JWKSet publicKeys() {
        return new JWKSet(current().keys().stream()
                .map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                .toList());
    }

    public boolean trusts(String kid) {
        return kid != null && current().keys().stream().anyMatch(k -> kid.equals(k.getKeyID()));
    }

    public List<String> kids() {
        return current().keys().stream().map(RSAKey::getKeyID).toList();
    }

    private Ring current() {
        Ring r = ring;
        if (r == null || System.nanoTime() - r.loadedAtNanos() > refreshSeconds * 1_000_000_000L) {
            synchronized (this) {
                r = ring;
                if (r == null || System.nanoTime() - r.loadedAtNanos() > refreshSeconds * 1_000_000_000L) {
                    ring = r = reloadIfChanged(r);
                }
            }
        }
        return r;
    }

    private Ring reloadIfChanged(Ring previous) {
        Path dir = dir();
        try {
            String stamp = stamp(dir);
            if (previous != null && stamp.equals(previous.stamp())) {
                return new Ring(previous.keys(), previous.signer(), stamp, System.nanoTime());
            }
            Ring loaded = load(dir);
            if (previous != null) {
                LOG.info(() -> "JWT keys changed: signing with '"
                        + (loaded.signer() == null ? "none" : loaded.signer().getKeyID()) + "', trusted: "
                        + loaded.keys().stream().map(RSAKey::getKeyID).toList());
                recordRotation(loaded);
            }
            return loaded;
        } catch (RuntimeException e) {
            // A half-written file during a rotation must not take the service down: keep the last good ring.
            LOG.warning(
                    () -> "JWT keys in " + dir + " could not be reloaded, keeping the previous set: " + e.getMessage());
            return previous == null
                    ? new Ring(List.of(), null, "", System.nanoTime())
                    : new Ring(previous.keys(), previous.signer(), previous.stamp(), System.nanoTime());
        }
    }

    private void recordRotation(Ring loaded) {
        try {
            audit.record(
                    AuditType.KEYS_ROTATED,
                    "system",
                    loaded.signer() == null ? "none" : loaded.signer().getKeyID(),
                    "trusted=" + loaded.keys().stream().map(RSAKey::getKeyID).toList());
        } catch (RuntimeException e) {
            // The new key ring is in force either way; the log line above still tells of the change.
            LOG.warning(() -> "Key rotation could not be audited: " + e.getMessage());
        }
    }

    private Path dir() {
        return Path.of(directory).toAbsolutePath();
    }

    private static Ring load(Path dir) {
        List<RSAKey> keys = new ArrayList<>();
        RSAKey signer = null;
        try {
            for (Path file : listPem(dir)) {
                RSAKey key = read(file);
                keys.add(key);
                if (key.isPrivate()) {
                    signer = key; // sorted by name: the last private key wins
                }
            }
            return new Ring(List.copyOf(keys), signer, stamp(dir), System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> listPem(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pem") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    private static String stamp(Path dir) {
        try {
            StringBuilder sb = new StringBuilder();
            for (Path p : listPem(dir)) {
                FileTime modified = Files.getLastModifiedTime(p);
                sb.append(p.getFileName())
                        .append('@')
                        .append(modified.toMillis())
                        .append(':')
                        .append(Files.size(p))
                        .append(';');
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPrivate(Path pem) {
        try {
            return Files.readString(pem).contains("PRIVATE KEY");
        } catch (IOException e) {
            return false;
        }
    }

    static RSAKey read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String kid = name.substring(0, name.length() - ".pem".length());
        String pem = Files.readString(file);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAKey.Builder builder;
            if (pem.contains("BEGIN PRIVATE KEY")) {
                RSAPrivateCrtKey priv = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
                RSAPublicKey pub = (RSAPublicKey)
                        rsa.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
                builder = new RSAKey.Builder(pub).privateKey(priv);
            } else if (pem.contains("BEGIN PUBLIC KEY")) {
                builder = new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der)));
            } else {
                throw new IllegalArgumentException(
                        name + " holds neither a PKCS#8 private key nor an X.509 public key");
            }
            return builder.keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(name + " is not an RSA key: " + e.getMessage(), e);
        }
    }

    private static void generateDevelopmentKey(Path dir) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = "dev-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path target = dir.resolve(kid + ".pem");
            Path temp = Files.createTempFile(dir, "new-", ".tmp");
            Files.writeString(temp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.warning(
                    () -> "GENERATED development JWT signing key '" + kid + "' in " + dir
                            + " (development default; in production mount keys there and set EMPORIUM_JWT_KEYS_GENERATE=false)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is required of every Java runtime", e);
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The key id of a compact JWS, read without verifying it (the verifier already did). */
    public static Optional<String> kidOf(String compactJws) {
        try {
            return Optional.ofNullable(
                    com.nimbusds.jose.JWSObject.parse(compactJws).getHeader().getKeyID());
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
    }
}
