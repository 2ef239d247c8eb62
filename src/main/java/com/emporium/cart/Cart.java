package com.emporium.cart;

import com.emporium.platform.problem.StaleVersion;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A shopper's cart. Guards its own limits (lines, quantity per line, one currency) and its version:
 * every change bumps {@code updatedAt}, so the JPA version moves with every write, lines included.
 */
@Entity
@Table(name = "cart")
public class Cart {
    public static final int MAX_LINES = 100;
    public static final int MAX_QUANTITY = 999;

    public enum Status {
        OPEN,
        ORDERED
    }

    @Id
    private String id;

    private String owner;

    @Column(nullable = false)
    private String token;

    private String currency;

    private String coupon;

    private String country;

    @Column(nullable = false)
    private String region = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.OPEN;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cart_line", joinColumns = @JoinColumn(name = "cart_id"))
    private List<CartLine> lines = new ArrayList<>();

    protected Cart() {}

    Cart(String id, Optional<String> owner, String token, Instant now) {
        this.id = id;
        this.owner = owner.orElse(null);
        this.token = token;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Whether this caller may see the cart: a customer's cart by its owner, a guest cart by its token
     * (compared in constant time). Anything else must look exactly like a missing cart.
     */
    boolean accessibleBy(CartAccess access) {
        if (owner != null) {
            return access.subject().filter(owner::equals).isPresent();
        }
        return access.token()
                .filter(t -> MessageDigest.isEqual(
                        t.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)))
                .isPresent();
    }

    void requireVersion(long expected) {
        if (expected != version) {
            throw new StaleVersion("Cart " + id + " is at version " + version + ", not " + expected + ".");
        }
    }

    /** Adds units; a SKU already in the cart gets the quantities added up. */
    void add(String sku, int quantity, String skuCurrency, Instant now) {
        requireOpen();
        if (currency != null && !currency.equals(skuCurrency)) {
            throw new CurrencyMismatch(sku, skuCurrency, currency);
        }
        Optional<CartLine> existing = line(sku);
        if (existing.isPresent()) {
            replace(sku, existing.get().quantity() + quantity);
        } else {
            if (lines.size() >= MAX_LINES) {
                throw new CartLimitExceeded("A cart holds at most " + MAX_LINES + " lines.");
            }
            requireQuantity(sku, quantity);
            int position = lines.stream().mapToInt(CartLine::position).max().orElse(-1) + 1;
            lines.add(new CartLine(sku, quantity, position));
        }
        currency = skuCurrency;
        updatedAt = now;
    }

    void change(String sku, int quantity, Instant now) {
        requireOpen();
        if (line(sku).isEmpty()) {
            throw new LineNotInCart(sku);
        }
        replace(sku, quantity);
        updatedAt = now;
    }

    void remove(String sku, Instant now) {
        requireOpen();
        if (!lines.removeIf(l -> l.sku().equals(sku))) {
            throw new LineNotInCart(sku);
        }
        if (lines.isEmpty()) {
            currency = null;
        }
        updatedAt = now;
    }

    void checkoutDetails(Optional<String> country, Optional<String> region, Optional<String> coupon, Instant now) {
        requireOpen();
        country.ifPresent(c -> this.country = c);
        region.ifPresent(r -> this.region = r);
        coupon.ifPresent(c -> this.coupon = c.isBlank() ? null : c);
        updatedAt = now;
    }

    /** Adds another cart's lines (a guest cart on sign-in); the same limits apply to the result. */
    void absorb(Cart other, Instant now) {
        for (CartLine line : other.lines()) {
            add(line.sku(), line.quantity(), other.currency, now);
        }
        if (coupon == null) {
            coupon = other.coupon;
        }
    }

    void ordered(Instant now) {
        requireOpen();
        status = Status.ORDERED;
        updatedAt = now;
    }

    private void replace(String sku, int quantity) {
        requireQuantity(sku, quantity);
        int position = line(sku).orElseThrow().position();
        lines.removeIf(l -> l.sku().equals(sku));
        lines.add(new CartLine(sku, quantity, position));
    }

    private static void requireQuantity(String sku, int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new CartLimitExceeded(
                    "A line holds 1 to " + MAX_QUANTITY + " units; SKU '" + sku + "' would have " + quantity + ".");
        }
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new CartClosed(id);
        }
    }

    private Optional<CartLine> line(String sku) {
        return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
    }

    public String id() {
        return id;
    }

    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    String token() {
        return token;
    }

    public Optional<String> currency() {
        return Optional.ofNullable(currency);
    }

    public Optional<String> coupon() {
        return Optional.ofNullable(coupon);
    }

    public Optional<String> country() {
        return Optional.ofNullable(country);
    }

    public String region() {
        return region;
    }

    public Status status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Lines in the order they were first added. */
    public List<CartLine> lines() {
        return lines.stream()
                .sorted(Comparator.comparingInt(CartLine::position))
                .toList();
    }
}
