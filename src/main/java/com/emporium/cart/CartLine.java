package com.emporium.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A SKU and how many of it; everything else about the line is looked up when the cart is read. */
@Embeddable
public class CartLine {
    @Column(nullable = false)
    private String sku;

    private int quantity;

    private int position;

    protected CartLine() {}

    CartLine(String sku, int quantity, int position) {
        this.sku = sku;
        this.quantity = quantity;
        this.position = position;
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }

    public int position() {
        return position;
    }
}
