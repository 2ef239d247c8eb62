package com.emporium.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Appends an event for the relay to deliver, inside the caller's transaction: the event exists if and
 * only if the change it announces committed.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    OutboxRepository rows;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(long aggregateId, String type, String payload) {
        rows.append(aggregateId, type, payload);
    }
}
