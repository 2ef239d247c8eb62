package com.emporium.loyalty;

import com.emporium.platform.startup.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Loyalty's series: points issued (earned), redeemed and expired as counters, and the outstanding
 * liability per currency as gauges. The liability is what the points customers can spend now would
 * pay if all were redeemed in that currency (available points × the currency's point value); points
 * are not tied to a currency, so each currency's figure is an alternative, not a share.
 */
@ApplicationScoped
public class LoyaltyMetrics {
    static final String LIABILITY = "emporium.loyalty.liability";
    private static final Logger LOG = Logger.getLogger(LoyaltyMetrics.class.getName());
    /** One ledger aggregate serves all currencies' gauges of one scrape. */
    private static final long REUSE_MILLIS = 1_000;

    @Inject
    MetricRegistry registry;

    @Inject
    LoyaltyService loyalty;

    @Inject
    LoyaltyRules rules;

    private long outstanding;
    private long readAt;

    void register(@Observes SchemaReady ready) {
        registry.counter(LoyaltyService.EARNED);
        registry.counter(LoyaltyService.REDEEMED);
        registry.counter(LoyaltyService.EXPIRED);
        rules.pointValues()
                .forEach((currency, value) -> registry.gauge(
                        LIABILITY,
                        this,
                        m -> Math.multiplyExact(m.outstanding(), value),
                        new Tag("currency", currency)));
    }

    private synchronized long outstanding() {
        long now = System.currentTimeMillis();
        if (now - readAt >= REUSE_MILLIS) {
            try {
                outstanding = loyalty.outstandingPoints();
                readAt = now;
            } catch (RuntimeException e) {
                // A scrape must not fail because the database is away; the last figure stands until it is back.
                LOG.log(Level.WARNING, "Reading the outstanding loyalty points failed", e);
            }
        }
        return outstanding;
    }
}
