package com.emporium.catalog;

import com.emporium.platform.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A product and its sellable variants. All variants share the product's currency, and {@code priceFrom}
 * always equals the cheapest active variant: the list endpoint filters and sorts on that one column.
 */
@Entity
@Table(name = "product")
public class Product {
    public enum Status {
        DRAFT,
        ACTIVE,
        ARCHIVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description = "";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.ACTIVE;

    @Column(name = "price_from")
    private Long priceFrom;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "product", cascade = CascadeType.PERSIST)
    @OrderBy("position, id")
    private List<Variant> variants = new ArrayList<>();

    @OneToMany(mappedBy = "product", cascade = CascadeType.PERSIST)
    @OrderBy("position, id")
    private List<ProductImage> images = new ArrayList<>();

    protected Product() {}

    Product(String slug, String name, String description, Category category, String currency, Status status) {
        this.slug = slug;
        this.name = name;
        this.description = description == null ? "" : description;
        this.category = category;
        this.currency = currency;
        this.status = status;
        // timestamptz keeps microseconds: the create response must show what later reads show.
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.updatedAt = createdAt;
    }

    Variant addVariant(String sku, String title, Money price, Map<String, Object> attributes) {
        if (!price.currency().equals(currency)) {
            throw new PriceCurrencyMismatch("Variant " + sku + " is priced in " + price.currency() + " but product "
                    + slug + " sells in " + currency + ".");
        }
        Variant variant = new Variant(this, sku, title, price.amount(), attributes, variants.size());
        variants.add(variant);
        variantsChanged();
        return variant;
    }

    void addImage(String url, String altText, Integer width, Integer height) {
        images.add(new ProductImage(this, url, altText, width, height, images.size()));
    }

    void describe(String newName, String newDescription, Category newCategory, Status newStatus) {
        this.name = newName;
        this.description = newDescription == null ? "" : newDescription;
        this.category = newCategory;
        this.status = newStatus;
        touch();
    }

    void archive() {
        this.status = Status.ARCHIVED;
        touch();
    }

    /** Keeps the cached lowest price true after any variant was added, repriced or archived. */
    void variantsChanged() {
        OptionalLong cheapest = variants.stream()
                .filter(v -> !v.archived())
                .mapToLong(Variant::priceAmount)
                .min();
        priceFrom = cheapest.isPresent() ? cheapest.getAsLong() : null;
        touch();
    }

    private void touch() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The one rule for what the public catalog shows, for the list, search and the detail alike: an
     * active product with at least one variant on sale. {@code priceFrom} is the lowest price of the
     * variants that are not archived, so it is null exactly when none is left. The category needs no
     * check of its own: V7's triggers keep every active product in a live category.
     */
    public boolean isPublic() {
        return status == Status.ACTIVE && priceFrom != null;
    }

    /** {@link #isPublic()} as SQL, for queries that alias the product table {@code p}. */
    static final String PUBLIC_SQL = "p.status = 'ACTIVE' AND p.price_from IS NOT NULL";

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Category category() {
        return category;
    }

    public Status status() {
        return status;
    }

    public Long priceFrom() {
        return priceFrom;
    }

    public String currency() {
        return currency;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public List<Variant> variants() {
        return List.copyOf(variants);
    }

    public List<ProductImage> images() {
        return List.copyOf(images);
    }
}
