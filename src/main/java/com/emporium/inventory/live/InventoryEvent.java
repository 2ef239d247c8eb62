package com.emporium.inventory.live;

import java.time.Instant;

/**
 * One committed availability change of a SKU, as stored in inventory_event. {@code forSale} says whether
 * the SKU is in the public catalog when the event is read (live variant of an active product in a live
 * category): the public stream shows nothing the catalog hides.
 */
public record InventoryEvent(long id, String sku, long productId, int available, Instant occurredAt, boolean forSale) {}
