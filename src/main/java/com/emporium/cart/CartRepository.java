package com.emporium.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Every query about carts. */
@ApplicationScoped
class CartRepository {
    @PersistenceContext
    EntityManager em;

    void add(Cart cart) {
        em.persist(cart);
        em.flush();
    }

    void flush() {
        em.flush();
    }

    Optional<Cart> find(String id) {
        return Optional.ofNullable(em.find(Cart.class, id));
    }

    /** The row lock makes the If-Match check and the write one step: two writers with one ETag cannot both win. */
    Optional<Cart> lock(String id) {
        return Optional.ofNullable(em.find(Cart.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    Optional<Cart> openCartOf(String owner) {
        return em
                .createQuery(
                        "SELECT c FROM Cart c WHERE c.owner = :owner AND c.status = :open ORDER BY c.updatedAt DESC",
                        Cart.class)
                .setParameter("owner", owner)
                .setParameter("open", Cart.Status.OPEN)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    void remove(Cart cart) {
        em.remove(cart);
    }

    /**
     * Deletes up to {@code limit} open carts idle for longer than their kind allows. SKIP LOCKED lets the
     * sweepers of all replicas work side by side, and a cart being written to right now is skipped.
     */
    int deleteIdle(long guestIdleSeconds, long customerIdleSeconds, int limit) {
        return em.createNativeQuery("DELETE FROM cart WHERE id IN (SELECT id FROM cart WHERE status = 'OPEN' AND"
                        + " updated_at < now() - make_interval(secs => CASE WHEN owner IS NULL THEN ?1 ELSE ?2 END)"
                        + " LIMIT ?3 FOR UPDATE SKIP LOCKED)")
                .setParameter(1, guestIdleSeconds)
                .setParameter(2, customerIdleSeconds)
                .setParameter(3, limit)
                .executeUpdate();
    }
}
