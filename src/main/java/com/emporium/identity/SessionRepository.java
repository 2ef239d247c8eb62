package com.emporium.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query about sessions and their refresh tokens. */
@ApplicationScoped
class SessionRepository {
    @PersistenceContext
    EntityManager em;

    void add(Session session) {
        em.persist(session);
    }

    void add(RefreshToken token) {
        em.persist(token);
    }

    Optional<Session> find(UUID id) {
        return Optional.ofNullable(em.find(Session.class, id));
    }

    /** Locked while it is exchanged, so two concurrent uses of one token cannot both succeed. */
    Optional<RefreshToken> lockToken(String digest) {
        return Optional.ofNullable(em.find(RefreshToken.class, digest, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The account's sessions that are not revoked, most recently used first. */
    List<Session> activeOf(long accountId) {
        return em.createQuery(
                        "SELECT s FROM Session s WHERE s.account.id = :account AND s.revokedAt IS NULL"
                                + " ORDER BY s.lastUsedAt DESC",
                        Session.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    /** The holder of an active session: its account and that account's role now. */
    Optional<SessionGate.Holder> holder(UUID sessionId) {
        List<Object[]> rows = em.createQuery(
                        "SELECT a.id, a.role FROM Session s JOIN s.account a WHERE s.id = :id AND s.revokedAt IS NULL",
                        Object[].class)
                .setParameter("id", sessionId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new SessionGate.Holder(((Number) row[0]).longValue(), (String) row[1]));
    }

    /** Deletes the account's sessions with their refresh tokens, before the account itself goes. */
    void removeAllOf(long accountId) {
        em.createQuery("DELETE FROM RefreshToken t WHERE t.session.id IN"
                        + " (SELECT s.id FROM Session s WHERE s.account.id = :account)")
                .setParameter("account", accountId)
                .executeUpdate();
        em.createQuery("DELETE FROM Session s WHERE s.account.id = :account")
                .setParameter("account", accountId)
                .executeUpdate();
    }
}
