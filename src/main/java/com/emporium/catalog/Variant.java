package com.emporium.catalog;

import com.emporium.platform.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Map;

/** A sellable SKU of a product, with its own price and typed attributes (stored as JSONB). */
@Entity
@Table(name = "variant")
public class Variant {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(nullable = false, unique = true)
    private String sku;

    @Column(nullable = false)
    private String title;

    @Column(name = "price_amount", nullable = false)
    private long priceAmount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Convert(converter = AttributesConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> attributes = Map.of();

    private boolean archived;
    private int position;

    @Column(name = "weight_grams")
    private Integer weightGrams;

    @Column(name = "tax_class", nullable = false)
    private String taxClass = "standard";

    @Version
    private long version;

    protected Variant() {}

    Variant(Product product, String sku, String title, long priceAmount, Map<String, Object> attributes, int position) {
        this.product = product;
        this.sku = sku;
        this.title = title;
        this.priceAmount = priceAmount;
        this.currency = product.currency();
        this.attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        this.position = position;
    }

    void revise(String newTitle, Money newPrice, Map<String, Object> newAttributes) {
        if (!newPrice.currency().equals(currency)) {
            throw new PriceCurrencyMismatch(
                    "Variant " + sku + " is sold in " + currency + "; its price cannot change currency.");
        }
        this.title = newTitle;
        this.priceAmount = newPrice.amount();
        this.attributes = newAttributes == null ? Map.of() : Map.copyOf(newAttributes);
        product.variantsChanged();
    }

    /** Sets what shipping and tax read; an absent value keeps the current one. */
    void describe(Integer newWeightGrams, String newTaxClass) {
        if (newWeightGrams != null && newWeightGrams < 0) {
            throw new IllegalArgumentException("weight must not be negative");
        }
        if (newWeightGrams != null) {
            this.weightGrams = newWeightGrams;
        }
        if (newTaxClass != null) {
            this.taxClass = newTaxClass;
        }
    }

    void archive() {
        this.archived = true;
        product.variantsChanged();
    }

    public Long id() {
        return id;
    }

    public Product product() {
        return product;
    }

    public String sku() {
        return sku;
    }

    public String title() {
        return title;
    }

    public long priceAmount() {
        return priceAmount;
    }

    public Money price() {
        return new Money(priceAmount, currency);
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    public Integer weightGrams() {
        return weightGrams;
    }

    public String taxClass() {
        return taxClass;
    }

    public boolean archived() {
        return archived;
    }

    public long version() {
        return version;
    }
}
