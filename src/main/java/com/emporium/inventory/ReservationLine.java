package com.emporium.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Units of one SKU held at one location. */
@Embeddable
public class ReservationLine {
    @Column(nullable = false)
    private String sku;

    @Column(name = "location_id", nullable = false)
    private long locationId;

    private int quantity;

    protected ReservationLine() {}

    ReservationLine(String sku, long locationId, int quantity) {
        this.sku = sku;
        this.locationId = locationId;
        this.quantity = quantity;
    }

    public String sku() {
        return sku;
    }

    public long locationId() {
        return locationId;
    }

    public int quantity() {
        return quantity;
    }
}
