package com.emporium.inventory;

import com.emporium.platform.Sku;
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

    ReservationLine(Sku sku, long locationId, int quantity) {
        this.sku = sku.value();
        this.locationId = locationId;
        this.quantity = quantity;
    }

    public Sku sku() {
        return new Sku(sku);
    }

    public long locationId() {
        return locationId;
    }

    public int quantity() {
        return quantity;
    }
}
