package com.emporium.inventory;

import java.time.Instant;

/** One ledger entry. */
public record MovementView(
        long id,
        String sku,
        String location,
        String kind,
        int delta,
        int onHandAfter,
        String reason,
        String actor,
        Instant occurredAt) {}
