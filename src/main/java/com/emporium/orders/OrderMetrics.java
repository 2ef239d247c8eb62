package com.emporium.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Business counters, counted after the commit that made the change: a rolled-back placement or a
 * repeated payment never counts. The names are what operator/ alerts and plots on.
 */
@ApplicationScoped
public class OrderMetrics {
    static final String PLACED = "emporium.orders.placed";
    static final String CANCELLED = "emporium.orders.cancelled";
    static final String REVENUE = "emporium.revenue.minor";
    static final String PLACEMENT = "emporium.orders.placement";

    /** Fired inside the transaction; observed only once it committed. */
    public record Placed(long orderId) {}

    public record Paid(long orderId, String currency, long amount) {}

    public record Cancelled(long orderId) {}

    @Inject
    MetricRegistry registry;

    void placed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Placed event) {
        registry.counter(PLACED).inc();
    }

    void paid(@Observes(during = TransactionPhase.AFTER_SUCCESS) Paid event) {
        registry.counter(REVENUE, new Tag("currency", event.currency())).inc(event.amount());
    }

    void cancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) Cancelled event) {
        registry.counter(CANCELLED).inc();
    }

    /** Registers the untagged series at start, so dashboards see zeros rather than gaps. */
    void register() {
        registry.counter(PLACED);
        registry.counter(CANCELLED);
        registry.timer(PLACEMENT);
    }
}
