package com.emporium.catalog;

import com.emporium.platform.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Products built through the catalog's own entities, one transaction per call, for the in-container
 * tests: whatever the entities compute (the cached lowest price above all) is what gets stored.
 */
@ApplicationScoped
@Transactional
public class CatalogShelf {
    @PersistenceContext
    EntityManager em;

    public long category() {
        Category category = new Category(slug("ic-shelf"), "In-container shelf", null, 0);
        em.persist(category);
        em.flush();
        category.assignPath();
        return category.id();
    }

    /** A product with {@code live} variants on sale and {@code archived} variants taken off sale. */
    public long product(long categoryId, Product.Status status, int live, int archived) {
        String slug = slug("ic-product");
        Product product =
                new Product(slug, "In-container product", "", em.find(Category.class, categoryId), "EUR", status);
        for (int i = 0; i < live + archived; i++) {
            Variant variant = product.addVariant(
                    slug.toUpperCase() + "-" + i, "Variant " + i, new Money(1000 + i, "EUR"), Map.of());
            if (i >= live) {
                variant.archive();
            }
        }
        em.persist(product);
        return productId(slug);
    }

    /** Takes every variant of the product off sale, as staff would one by one. */
    public void archiveAllVariants(long productId) {
        em.find(Product.class, productId).variants().forEach(Variant::archive);
    }

    /** The detail page's rule, asked of the product as a fresh transaction loads it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isPublic(long productId) {
        return em.find(Product.class, productId).isPublic();
    }

    /** Which of the products the public list's filter admits (the list query's WHERE starts with it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<Long> admittedByTheList(Collection<Long> productIds) {
        List<?> ids = em.createNativeQuery("SELECT p.id FROM product p"
                        + " WHERE p.id = ANY (string_to_array(?1, ',')::bigint[]) AND " + Product.PUBLIC_SQL)
                .setParameter(1, productIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
    }

    private long productId(String slug) {
        em.flush();
        return em.createQuery("SELECT p.id FROM Product p WHERE p.slug = :slug", Long.class)
                .setParameter("slug", slug)
                .getSingleResult();
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
