package com.emporium.inventory.live;

import java.time.Instant;

/** One committed availability change of a SKU, as stored in inventory_event. */
public record InventoryEvent(long id, String sku, long productId, int available, Instant occurredAt) {}
