package com.emporium.catalog;

import com.emporium.inventory.Availability;
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

    /** {@code availability} is filled on the public detail only; staff views leave it out. */
    public record VariantView(
            long id,
            String sku,
            String title,
            Money price,
            Map<String, Object> attributes,
            Integer weightGrams,
            String taxClass,
            boolean archived,
            long version,
            Availability availability) {
        static VariantView from(Variant v) {
            return new VariantView(
                    v.id(),
                    v.sku(),
                    v.title(),
                    v.price(),
                    v.attributes(),
                    v.weightGrams(),
                    v.taxClass(),
                    v.archived(),
                    v.version(),
                    null);
        }
    }

    public record ImageView(String url, String alt, Integer width, Integer height) {
        static ImageView from(ProductImage i) {
            return new ImageView(i.url(), i.altText(), i.width(), i.height());
        }
    }

    /** The same view with each variant's availability (as inventory reports it by SKU). */
    ProductView withAvailability(Map<String, Availability> bySku) {
        List<VariantView> withStock = variants.stream()
                .map(v -> new VariantView(
                        v.id(),
                        v.sku(),
                        v.title(),
                        v.price(),
                        v.attributes(),
                        v.weightGrams(),
                        v.taxClass(),
                        v.archived(),
                        v.version(),
                        bySku.get(v.sku())))
                .toList();
        return new ProductView(
                id,
                slug,
                name,
                description,
                category,
                status,
                priceFrom,
                withStock,
                images,
                createdAt,
                updatedAt,
                version);
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
                p.variants().stream()
                        .filter(v -> includeArchivedVariants || !v.archived())
                        .map(VariantView::from)
                        .toList(),
                p.images().stream().map(ImageView::from).toList(),
                p.createdAt(),
                p.updatedAt(),
                p.version());
    }
}
