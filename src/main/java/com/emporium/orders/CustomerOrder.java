package com.emporium.orders;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A placed order with its frozen prices. The state only changes through {@link #transitionTo}, which
 * refuses steps the state machine does not allow and returns the history entry to record.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String owner;

    @Column(nullable = false)
    private String email;

    @Column(name = "access_token", nullable = false)
    private String accessToken;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderState state;

    @Column(name = "cart_id", nullable = false)
    private String cartId;

    @Column(name = "reservation_id")
    private long reservationId;

    @Column(nullable = false)
    private String currency;

    private long subtotal;
    private long discount;
    private long shipping;
    private long tax;
    private long total;

    @Column(name = "prices_include_tax")
    private boolean pricesIncludeTax;

    @Column(name = "promotion_id")
    private Long promotionId;

    @Column(name = "shipping_method", nullable = false)
    private String shippingMethod;

    @Column(name = "ship_name")
    private String shipName;

    @Column(name = "ship_line1")
    private String shipLine1;

    @Column(name = "ship_line2")
    private String shipLine2;

    @Column(name = "ship_city")
    private String shipCity;

    @Column(name = "ship_postal_code")
    private String shipPostalCode;

    @Column(name = "ship_country")
    private String shipCountry;

    @Column(name = "ship_region")
    private String shipRegion;

    private String carrier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "pay_by", nullable = false)
    private Instant payBy;

    @Column(name = "points_redeemed")
    private long pointsRedeemed;

    @Column(name = "points_value")
    private long pointsValue;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("position")
    private List<OrderLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_tax", joinColumns = @JoinColumn(name = "order_id"))
    private List<OrderTax> taxes = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_promotion", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("position")
    private List<OrderPromotion> promotions = new ArrayList<>();

    protected CustomerOrder() {}

    /** The totals of a quote, frozen. */
    record Totals(long subtotal, long discount, long shipping, long tax, long total, boolean pricesIncludeTax) {}

    CustomerOrder(
            Optional<String> owner,
            String email,
            String accessToken,
            String cartId,
            long reservationId,
            String currency,
            Totals totals,
            List<OrderLine> lines,
            List<OrderTax> taxes,
            Optional<Long> promotionId,
            List<OrderPromotion> promotions,
            String shippingMethod,
            Address address,
            Instant now,
            Instant payBy) {
        this.owner = owner.orElse(null);
        this.email = email;
        this.accessToken = accessToken;
        this.cartId = cartId;
        this.reservationId = reservationId;
        this.currency = currency;
        this.subtotal = totals.subtotal();
        this.discount = totals.discount();
        this.shipping = totals.shipping();
        this.tax = totals.tax();
        this.total = totals.total();
        this.pricesIncludeTax = totals.pricesIncludeTax();
        this.lines = new ArrayList<>(lines);
        this.taxes = new ArrayList<>(taxes);
        this.promotionId = promotionId.orElse(null);
        for (int i = 0; i < promotions.size(); i++) {
            this.promotions.add(promotions.get(i).at(i));
        }
        this.shippingMethod = shippingMethod;
        this.shipName = address.name();
        this.shipLine1 = address.line1();
        this.shipLine2 = address.line2() == null ? "" : address.line2();
        this.shipCity = address.city();
        this.shipPostalCode = address.postalCode();
        this.shipCountry = address.country();
        this.shipRegion = address.region() == null ? "" : address.region();
        this.state = OrderState.PENDING_PAYMENT;
        this.placedAt = now;
        this.payBy = payBy;
    }

    /** The first history entry; the id exists once the order has been flushed. */
    OrderTransition placed(String actor, Instant now) {
        return new OrderTransition(id, null, OrderState.PENDING_PAYMENT, actor, "order placed", now);
    }

    /** Moves to {@code next} if the state machine allows it; 409 with the current state otherwise. */
    OrderTransition transitionTo(OrderState next, String actor, String reason, Instant now) {
        if (!state.next().contains(next)) {
            throw new InvalidTransition(id, state, next);
        }
        OrderState from = state;
        state = next;
        return new OrderTransition(id, from, next, actor, reason, now);
    }

    /**
     * Records shipped units per SKU and moves to FULFILLED when every unit is out, PARTIALLY_FULFILLED
     * otherwise. More units than a line has left is refused before anything changes.
     */
    OrderTransition fulfil(Map<String, Integer> units, String carrier, String tracking, String actor, Instant now) {
        if (state != OrderState.PAID && state != OrderState.PARTIALLY_FULFILLED) {
            throw new InvalidTransition(id, state, OrderState.FULFILLED);
        }
        Map<String, Integer> left = new HashMap<>(units);
        List<OrderLine> updated = new ArrayList<>();
        for (OrderLine line : lines) {
            int more = left.getOrDefault(line.sku(), 0);
            left.remove(line.sku());
            if (more > line.quantity() - line.fulfilled()) {
                throw new FulfilmentRefused("SKU '" + line.sku() + "' has only " + (line.quantity() - line.fulfilled())
                        + " unit(s) left to fulfil.");
            }
            updated.add(more == 0 ? line : line.withFulfilled(more));
        }
        if (!left.isEmpty()) {
            throw new FulfilmentRefused("SKU(s) " + left.keySet() + " are not in order " + id + ".");
        }
        lines = updated;
        this.carrier = carrier;
        this.trackingNumber = tracking;
        boolean complete = lines.stream().allMatch(l -> l.fulfilled() == l.quantity());
        return transitionTo(
                complete ? OrderState.FULFILLED : OrderState.PARTIALLY_FULFILLED,
                actor,
                "fulfilment via " + carrier + " " + tracking,
                now);
    }

    boolean ownedBy(String subject) {
        return owner != null && owner.equals(subject);
    }

    /** The guest's proof, compared in constant time. */
    boolean openedBy(String token) {
        return token != null
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), accessToken.getBytes(StandardCharsets.UTF_8));
    }

    public Long id() {
        return id;
    }

    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    public String email() {
        return email;
    }

    String accessToken() {
        return accessToken;
    }

    public OrderState state() {
        return state;
    }

    public long reservationId() {
        return reservationId;
    }

    public String currency() {
        return currency;
    }

    public long subtotal() {
        return subtotal;
    }

    public long discount() {
        return discount;
    }

    public long shipping() {
        return shipping;
    }

    public long tax() {
        return tax;
    }

    public long total() {
        return total;
    }

    public long pointsRedeemed() {
        return pointsRedeemed;
    }

    /** Minor units of the total that loyalty points pay. */
    public long pointsValue() {
        return pointsValue;
    }

    /** What the customer pays with a payment provider: the total less what points pay. */
    public long amountDue() {
        return total - pointsValue;
    }

    /**
     * What earns loyalty points: the amount paid for goods, after discounts and points, without tax
     * and shipping (tax included in shipping is taken out with the rest of the tax).
     */
    public long netForPoints() {
        return Math.max(0, total - tax - shipping - pointsValue);
    }

    /** Applies points to an unpaid order, once; they can never pay more than its total. */
    void redeemPoints(long points, long value) {
        if (state != OrderState.PENDING_PAYMENT || pointsRedeemed != 0) {
            throw new IllegalStateException("points are applied once, before payment");
        }
        if (points < 0 || value < 0 || value > total) {
            throw new IllegalArgumentException("points cannot pay more than the order's total");
        }
        this.pointsRedeemed = points;
        this.pointsValue = value;
    }

    public boolean pricesIncludeTax() {
        return pricesIncludeTax;
    }

    public String shippingMethod() {
        return shippingMethod;
    }

    public Address address() {
        return new Address(shipName, shipLine1, shipLine2, shipCity, shipPostalCode, shipCountry, shipRegion);
    }

    public Optional<String> carrier() {
        return Optional.ofNullable(carrier);
    }

    public Optional<String> trackingNumber() {
        return Optional.ofNullable(trackingNumber);
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant payBy() {
        return payBy;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<OrderTax> taxes() {
        return List.copyOf(taxes);
    }

    public List<OrderPromotion> promotions() {
        return List.copyOf(promotions);
    }
}
