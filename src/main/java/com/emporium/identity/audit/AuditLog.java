package com.emporium.identity.audit;

import com.emporium.platform.LogText;
import com.emporium.platform.http.RequestIdFilter;
import com.emporium.platform.security.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * The security audit trail (ASVS V7): logins and their failures, throttling, refresh-token reuse, role
 * changes and admin actions. Each event commits in its own transaction, so a failed login is recorded
 * even though the request that caused it fails. Passwords and tokens never appear in it.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditType type, String actor, String subject, String detail) {
        em.persist(new AuditEvent(
                type.code(), actor, subject, ClientAddress.current(), RequestIdFilter.current(), detail));
        LOG.info(() -> "audit " + type.code() + " actor=" + LogText.escape(actor) + " subject="
                + LogText.escape(subject) + " ip=" + LogText.escape(ClientAddress.current()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEventView> search(String type, String actor, Long beforeId, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
        if (type != null) {
            jpql.append(" AND e.type = :type");
        }
        if (actor != null) {
            jpql.append(" AND e.actor = :actor");
        }
        if (beforeId != null) {
            jpql.append(" AND e.id < :before");
        }
        jpql.append(" ORDER BY e.id DESC");
        TypedQuery<AuditEvent> query =
                em.createQuery(jpql.toString(), AuditEvent.class).setMaxResults(limit);
        if (type != null) {
            query.setParameter("type", type);
        }
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        return query.getResultList().stream().map(AuditEvent::view).toList();
    }
}
