package com.emporium.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Turns available units into what the public may see, the same way for the product API and the stream. */
@ApplicationScoped
public class AvailabilityPolicy {
    @Inject
    @ConfigProperty(name = "emporium.inventory.low-stock-threshold", defaultValue = "5")
    int lowThreshold;

    @Inject
    @ConfigProperty(name = "emporium.inventory.public-count", defaultValue = "false")
    boolean publicCount;

    public Availability of(long available) {
        long units = Math.max(0, available);
        return new Availability(Availability.level(units, lowThreshold), publicCount ? (int) units : null);
    }
}
