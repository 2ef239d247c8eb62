package com.emporium.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every query about products and their variants. The public list is a native full-text query of its
 * own ({@link ProductSearch}); it is reached through here, so the catalog's SQL has one way in.
 */
@ApplicationScoped
class ProductRepository {
    @PersistenceContext
    EntityManager em;

    @Inject
    ProductSearch search;

    void add(Product product) {
        em.persist(product);
    }

    void add(Variant variant) {
        em.persist(variant);
    }

    void flush() {
        em.flush();
    }

    Optional<Product> find(long id) {
        return Optional.ofNullable(em.find(Product.class, id));
    }

    Optional<Variant> findVariant(long id) {
        return Optional.ofNullable(em.find(Variant.class, id));
    }

    Optional<Product> bySlug(String slug) {
        return em.createQuery("SELECT p FROM Product p WHERE p.slug = :slug", Product.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    /** With its category in the same statement: the public detail needs both to decide visibility. */
    Optional<Product> withCategoryBySlug(String slug) {
        return em.createQuery("SELECT p FROM Product p JOIN FETCH p.category WHERE p.slug = :slug", Product.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    /** Archived variants keep their SKU: an order or a ledger entry may still name it. */
    boolean skuTaken(String sku) {
        return !em.createQuery("SELECT v.id FROM Variant v WHERE v.sku = :sku", Long.class)
                .setParameter("sku", sku)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    ProductListing list(ProductQuery query, Map<String, List<String>> attributes) {
        return search.list(query, attributes);
    }

    boolean typoFallbackEnabled() {
        return search.typoFallbackEnabled();
    }
}
