package com.emporium.identity.audit;

import com.emporium.platform.LogText;
import com.emporium.platform.audit.SecurityEvent;
import com.emporium.platform.http.RequestIdFilter;
import com.emporium.platform.security.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * The security audit trail (ASVS V7): logins and their failures, throttling, refresh-token reuse, role
 * changes, admin actions, key rotation and the refusals of the HTTP edge (docs/security.md lists the
 * codes). The actor is always an account id, "anonymous" or "system". Each event commits in its own
 * transaction, so a failed login is recorded even though the request that caused it fails. Passwords
 * and tokens never appear in it.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditType type, String actor, String subject, String detail) {
        persist(type.code(), actor, subject, detail);
    }

    /** Refusals seen at the HTTP edge (platform code cannot name this class, so it fires CDI events). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordEdgeEvent(@Observes SecurityEvent event) {
        persist(event.type(), event.actor(), event.subject(), event.detail());
    }

    private void persist(String code, String actor, String subject, String detail) {
        em.persist(new AuditEvent(code, actor, subject, ClientAddress.current(), RequestIdFilter.current(), detail));
        LOG.info(() -> "audit " + code + " actor=" + LogText.escape(actor) + " subject=" + LogText.escape(subject)
                + " ip=" + LogText.escape(ClientAddress.current()));
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
