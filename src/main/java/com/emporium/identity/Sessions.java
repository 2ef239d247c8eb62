package com.emporium.identity;

import com.emporium.identity.audit.AuditLog;
import com.emporium.identity.audit.AuditType;
import com.emporium.identity.keys.AccessTokens;
import com.emporium.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions and their refresh tokens (OAuth 2.0 Security BCP, section 4.14): every exchange spends the
 * presented token and hands out its successor; presenting a spent token means two parties hold the
 * family, so the whole session is revoked. The token row is locked while it is exchanged, so two
 * concurrent uses of one token cannot both succeed.
 */
@ApplicationScoped
@Transactional
public class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SessionRepository sessions;

    @Inject
    AccountRepository accounts;

    @Inject
    AccessTokens accessTokens;

    @Inject
    AuditLog audit;

    @Inject
    SessionGate gate;

    @Inject
    @ConfigProperty(name = "emporium.auth.refresh-ttl", defaultValue = "P7D")
    Duration refreshLifetime;

    /** Starts a session for an account whose credentials were just proven. */
    public TokenGrant start(Account account, String userAgent) {
        Session session = new Session(accounts.managed(account), userAgent);
        sessions.add(session);
        return grant(session);
    }

    /** Exchanges a refresh token for a new pair. Reuse revokes the session, and that must commit. */
    @Transactional(dontRollbackOn = InvalidRefreshToken.class)
    public TokenGrant refresh(String presented) {
        RefreshToken token = lockedToken(presented).orElseThrow(InvalidRefreshToken::new);
        Session session = token.session();
        if (!session.active() || token.expired(Instant.now())) {
            throw new InvalidRefreshToken();
        }
        if (token.spent()) {
            session.revoke("refresh-reuse");
            gate.sessionChanged(session.id());
            audit.record(
                    AuditType.REFRESH_REUSED,
                    session.account().id().toString(),
                    session.id().toString(),
                    "a spent refresh token was presented; session revoked");
            throw new InvalidRefreshToken();
        }
        token.spend();
        session.touch();
        return grant(session);
    }

    /** Ends the session of the presented refresh token, spent or not. Unknown tokens are ignored. */
    public void logout(String presented) {
        lockedToken(presented).ifPresent(token -> {
            token.session().revoke("logout");
            gate.sessionChanged(token.session().id());
            audit.record(
                    AuditType.LOGOUT,
                    token.session().account().id().toString(),
                    token.session().id().toString(),
                    null);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionView> active(long accountId, UUID current) {
        return sessions.activeOf(accountId).stream()
                .map(s -> new SessionView(s.id(), s.createdAt(), s.lastUsedAt(), s.userAgent(), s.id().equals(current)))
                .toList();
    }

    /** Revokes one of the caller's own sessions; someone else's answers exactly like a missing one. */
    public void revoke(long accountId, UUID sessionId) {
        Session session = sessions.find(sessionId)
                .filter(s -> s.account().id().equals(accountId) && s.active())
                .orElseThrow(() -> new NotFound("No session " + sessionId + "."));
        session.revoke("revoked-by-owner");
        gate.sessionChanged(sessionId);
        audit.record(AuditType.SESSION_REVOKED, Long.toString(accountId), sessionId.toString(), null);
    }

    void revokeAll(long accountId, String reason) {
        sessions.activeOf(accountId).forEach(s -> s.revoke(reason));
        gate.accountChanged(accountId);
    }

    private TokenGrant grant(Session session) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant refreshExpires = Instant.now().plus(refreshLifetime);
        sessions.add(new RefreshToken(digest(refresh), session, refreshExpires));
        Account account = session.account();
        AccessTokens.Issued access =
                accessTokens.issue(account.id(), account.email(), account.role().value(), session.id());
        return new TokenGrant(access.token(), access.expiresAt(), refresh, refreshExpires, session.id());
    }

    private Optional<RefreshToken> lockedToken(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        return sessions.lockToken(digest(presented));
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
