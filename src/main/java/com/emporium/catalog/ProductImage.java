package com.emporium.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Metadata of a product picture; the bytes live in object storage behind {@code url}. */
@Entity
@Table(name = "product_image")
public class ProductImage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(nullable = false)
    private String url;

    @Column(name = "alt_text", nullable = false)
    private String altText = "";

    private Integer width;
    private Integer height;
    private int position;

    protected ProductImage() {}

    ProductImage(Product product, String url, String altText, Integer width, Integer height, int position) {
        this.product = product;
        this.url = url;
        this.altText = altText == null ? "" : altText;
        this.width = width;
        this.height = height;
        this.position = position;
    }

    public String url() {
        return url;
    }

    public String altText() {
        return altText;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }
}
