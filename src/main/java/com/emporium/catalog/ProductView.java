package com.emporium.catalog;

import com.emporium.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A product with its variants and images. The public view leaves archived variants out. */
public record ProductView(
    long id,
    String slug,
    String name,
    String description,
    CategoryRef category,
    String status,
    Money priceFrom,
    List<VariantView> variants,
    List<ImageView> images,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public record CategoryRef(String slug, String name) {}

  public record VariantView(
      long id, String sku, String title, Money price, Map<String, Object> attributes, boolean archived, long version) {
    static VariantView from(Variant v) {
      return new VariantView(v.id(), v.sku(), v.title(), v.price(), v.attributes(), v.archived(), v.version());
    }
  }

  public record ImageView(String url, String alt, Integer width, Integer height) {
    static ImageView from(ProductImage i) {
      return new ImageView(i.url(), i.altText(), i.width(), i.height());
    }
  }

  static ProductView from(Product p, boolean includeArchivedVariants) {
    return new ProductView(
        p.id(),
        p.slug(),
        p.name(),
        p.description(),
        new CategoryRef(p.category().slug(), p.category().name()),
        p.status().name(),
        p.priceFrom() == null ? null : new Money(p.priceFrom(), p.currency()),
        p.variants().stream().filter(v -> includeArchivedVariants || !v.archived()).map(VariantView::from).toList(),
        p.images().stream().map(ImageView::from).toList(),
        p.createdAt(),
        p.updatedAt(),
        p.version());
  }
}
