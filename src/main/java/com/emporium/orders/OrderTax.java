package com.emporium.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Tax charged at one rate, as frozen at placement. */
@Embeddable
public class OrderTax {
    @Column(nullable = false)
    private String name;

    @Column(name = "basis_points")
    private int basisPoints;

    private long amount;

    protected OrderTax() {}

    OrderTax(String name, int basisPoints, long amount) {
        this.name = name;
        this.basisPoints = basisPoints;
        this.amount = amount;
    }

    public String name() {
        return name;
    }

    public int basisPoints() {
        return basisPoints;
    }

    public long amount() {
        return amount;
    }
}
