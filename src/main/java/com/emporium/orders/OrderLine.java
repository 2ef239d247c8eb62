package com.emporium.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of the price snapshot: what it cost when the order was placed, and how much has been fulfilled. */
@Embeddable
public class OrderLine {
    private int position;

    @Column(nullable = false)
    private String sku;

    @Column(nullable = false)
    private String name;

    private int quantity;

    @Column(name = "unit_price")
    private long unitPrice;

    private long discount;

    private long tax;

    @Column(name = "tax_rate_name", nullable = false)
    private String taxRateName;

    private int fulfilled;

    protected OrderLine() {}

    OrderLine(
            int position, String sku, String name, int quantity, long unitPrice, long discount, long tax, String rate) {
        this.position = position;
        this.sku = sku;
        this.name = name;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.discount = discount;
        this.tax = tax;
        this.taxRateName = rate;
    }

    OrderLine withFulfilled(int more) {
        OrderLine copy = new OrderLine(position, sku, name, quantity, unitPrice, discount, tax, taxRateName);
        copy.fulfilled = fulfilled + more;
        return copy;
    }

    public int position() {
        return position;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public int quantity() {
        return quantity;
    }

    public long unitPrice() {
        return unitPrice;
    }

    public long discount() {
        return discount;
    }

    public long tax() {
        return tax;
    }

    public String taxRateName() {
        return taxRateName;
    }

    public int fulfilled() {
        return fulfilled;
    }
}
