package com.emporium.inventory;

/**
 * A CDI event for other features: this replica has now read every committed stock change up to and
 * including inventory event {@code throughEventId}. Event ids are handed out in commit order (V2), so
 * every replica passes through the same numbers, and a cache keyed by it agrees across replicas.
 */
public record StockChanged(long throughEventId) {}
