package com.emporium.inventory;

import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/** A reservation as its owner sees it: what is held, where, and until when. */
public record ReservationView(long id, String status, Instant expiresAt, Instant createdAt, List<Line> lines) {
    public record Line(String sku, int quantity, String location) {}

    static ReservationView from(Reservation r, LongFunction<String> locationCode) {
        return new ReservationView(
                r.id(),
                r.status().name(),
                r.expiresAt(),
                r.createdAt(),
                r.lines().stream()
                        .map(l -> new Line(l.sku().value(), l.quantity(), locationCode.apply(l.locationId())))
                        .toList());
    }
}
