package com.emporium.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Every query about categories. */
@ApplicationScoped
class CategoryRepository {
    @PersistenceContext
    EntityManager em;

    void add(Category category) {
        em.persist(category);
        em.flush();
    }

    void flush() {
        em.flush();
    }

    Optional<Category> find(long id) {
        return Optional.ofNullable(em.find(Category.class, id));
    }

    Optional<Category> lock(long id) {
        return Optional.ofNullable(em.find(Category.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    Optional<Category> bySlug(String slug) {
        return em.createQuery("SELECT c FROM Category c WHERE c.slug = :slug", Category.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    long count() {
        return em.createQuery("SELECT COUNT(c) FROM Category c", Long.class).getSingleResult();
    }

    List<Category> live() {
        return em.createQuery(
                        "SELECT c FROM Category c WHERE c.archived = false ORDER BY c.position, c.name", Category.class)
                .getResultList();
    }

    long liveChildren(Category category) {
        return em.createQuery("SELECT COUNT(c) FROM Category c WHERE c.parent = :c AND c.archived = false", Long.class)
                .setParameter("c", category)
                .getSingleResult();
    }

    long unarchivedProducts(Category category) {
        return em.createQuery(
                        "SELECT COUNT(p) FROM Product p WHERE p.category = :c"
                                + " AND p.status <> com.emporium.catalog.Product.Status.ARCHIVED",
                        Long.class)
                .setParameter("c", category)
                .getSingleResult();
    }
}
