package com.emporium.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A promotion as frozen at placement: its code (none for an automatic one), name and what it took off.
 * Kept whole so that renaming or ending the promotion later never changes what the order says.
 */
@Embeddable
public class OrderPromotion {
    private int position;

    @Column(name = "promotion_id")
    private long promotionId;

    private String code;
    private String name;
    private boolean automatic;
    private long amount;

    protected OrderPromotion() {}

    OrderPromotion(long promotionId, String code, String name, boolean automatic, long amount) {
        this.promotionId = promotionId;
        this.code = code;
        this.name = name;
        this.automatic = automatic;
        this.amount = amount;
    }

    OrderPromotion at(int newPosition) {
        OrderPromotion copy = new OrderPromotion(promotionId, code, name, automatic, amount);
        copy.position = newPosition;
        return copy;
    }

    public int position() {
        return position;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean automatic() {
        return automatic;
    }

    public long amount() {
        return amount;
    }
}
