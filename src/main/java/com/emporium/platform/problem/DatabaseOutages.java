package com.emporium.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counts requests answered 503 because the database was briefly unavailable, by reason. */
@ApplicationScoped
public class DatabaseOutages {
    @Inject
    MetricRegistry metrics;

    void count(String reason) {
        metrics.counter("emporium.database.unavailable", new Tag("reason", reason))
                .inc();
    }
}
