package com.emporium.identity;

import com.emporium.platform.signal.ClusterSignal;
import com.emporium.platform.signal.ClusterSignals;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether an access token's session is still alive and what its account's role is now, asked on every
 * authenticated request. Answers are cached per replica for a short time; every change that must end a
 * token (logout, revocation, password or role change, account removal) sends a cluster signal on commit,
 * and every replica drops the affected entries at once. The time to live only bounds how stale an entry
 * can be if a signal is ever lost between two reconnects of the listener.
 */
@ApplicationScoped
public class SessionGate {
    static final String SESSION_TOPIC = "session";
    static final String ACCOUNT_TOPIC = "account";

    /** An active session's account and that account's role now; absent when the session is over. */
    record Holder(long accountId, String role) {}

    @Inject
    SessionRepository sessions;

    @Inject
    ClusterSignals signals;

    @Inject
    @ConfigProperty(name = "emporium.auth.session-cache-ttl", defaultValue = "PT30S")
    Duration timeToLive;

    private Cache<UUID, Optional<Holder>> cache;

    @PostConstruct
    void init() {
        cache = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(100_000)
                .build();
    }

    /** The holder of an active session, or empty when it was revoked, or its account removed. */
    Optional<Holder> holder(UUID sessionId) {
        return cache.get(sessionId, this::load);
    }

    private Optional<Holder> load(UUID sessionId) {
        return sessions.holder(sessionId);
    }

    /** Within a transaction: once it commits, every replica forgets what it knew about this session. */
    void sessionChanged(UUID sessionId) {
        signals.publishOnCommit(new ClusterSignal(SESSION_TOPIC, sessionId.toString()));
    }

    /** Within a transaction: once it commits, every replica forgets every session of this account. */
    void accountChanged(long accountId) {
        signals.publishOnCommit(new ClusterSignal(ACCOUNT_TOPIC, Long.toString(accountId)));
    }

    void onSignal(@Observes ClusterSignal signal) {
        if (signal.isReset()) {
            cache.invalidateAll();
        } else if (SESSION_TOPIC.equals(signal.topic())) {
            try {
                cache.invalidate(UUID.fromString(signal.subject()));
            } catch (IllegalArgumentException e) {
                cache.invalidateAll();
            }
        } else if (ACCOUNT_TOPIC.equals(signal.topic())) {
            String account = signal.subject();
            cache.asMap()
                    .entrySet()
                    .removeIf(e -> e.getValue()
                            .map(h -> Long.toString(h.accountId()).equals(account))
                            .orElse(false));
        }
    }
}
