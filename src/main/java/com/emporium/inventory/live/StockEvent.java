package com.emporium.inventory.live;

import com.emporium.inventory.Availability;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The data of a {@code stock} event as clients read it (docs/inventory.md, the storefront's script). The
 * property order is the wire format's, and {@code available} is left out where the shop shows no counts.
 * {@code at} is the instant's ISO-8601 text as {@link java.time.Instant#toString} writes it.
 */
@JsonbNillable(false)
@JsonbPropertyOrder({"id", "sku", "productId", "availability", "available", "at"})
public record StockEvent(
        long id, String sku, long productId, Availability.Level availability, Integer available, String at) {
    static StockEvent of(InventoryEvent event, Availability shown) {
        return new StockEvent(
                event.id(),
                event.sku(),
                event.productId(),
                shown.level(),
                shown.count(),
                event.occurredAt().toString());
    }
}
