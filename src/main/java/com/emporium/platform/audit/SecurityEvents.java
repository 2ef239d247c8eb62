package com.emporium.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes edge security events. Each kind of event is recorded at most {@value #PER_MINUTE} times
 * per client address per minute on each replica: the first refusals of a burst are what an
 * investigation needs, and an attacker who can trigger a refusal at will must not be able to turn each
 * request into a database write. A fixed bound rather than a setting: nothing in operating the shop
 * calls for tuning it.
 */
@ApplicationScoped
public class SecurityEvents {
    // Past this many tracked (kind, address) pairs the oldest minute's counters are dropped wholesale.
    private static final Logger LOG = Logger.getLogger(SecurityEvents.class.getName());
    static final int PER_MINUTE = 10;
    private static final int MAX_TRACKED = 10_000;

    @Inject
    Event<SecurityEvent> events;

    private final LongSupplier clock = System::currentTimeMillis;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long minute = -1;

    /** Records the event unless this address has already produced enough of its kind this minute. */
    public void publish(SecurityEvent event, String clientAddress) {
        long now = clock.getAsLong() / 60_000;
        if (now != minute || counts.size() > MAX_TRACKED) {
            counts.clear();
            minute = now;
        }
        int n = counts.computeIfAbsent(event.type() + "|" + clientAddress, k -> new AtomicInteger())
                .incrementAndGet();
        if (n <= PER_MINUTE) {
            try {
                events.fire(event);
            } catch (RuntimeException e) {
                // The refusal being recorded stands either way; a failing audit store must not turn it into a 500.
                LOG.log(Level.WARNING, "Could not record security event " + event.type(), e);
            }
        }
    }
}
