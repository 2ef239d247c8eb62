package com.emporium.platform.signal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Sends a {@link ClusterSignal} to every replica when the current transaction commits. NOTIFY is
 * transactional in PostgreSQL, so other replicas hear it only after the commit; this replica's observers
 * hear it right after the commit too, without waiting for its own listener to relay it.
 */
@ApplicationScoped
public class ClusterSignals {
    static final String CHANNEL = "emporium_signals";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<ClusterSignal> observers;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publishOnCommit(ClusterSignal signal) {
        em.createNativeQuery("SELECT pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, signal.encode())
                .getResultList();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    observers.fire(signal);
                }
            }
        });
    }

    /** Delivers a signal heard from the database (another replica's, or this one's own echo). */
    void deliver(ClusterSignal signal) {
        observers.fire(signal);
    }
}
