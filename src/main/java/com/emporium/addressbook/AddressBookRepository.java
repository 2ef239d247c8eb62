package com.emporium.addressbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Every query about saved addresses. */
@ApplicationScoped
class AddressBookRepository {
    @PersistenceContext
    EntityManager em;

    List<SavedAddress> of(String owner) {
        return em.createQuery("SELECT a FROM SavedAddress a WHERE a.owner = :o ORDER BY a.id", SavedAddress.class)
                .setParameter("o", owner)
                .getResultList();
    }

    /** Serialises one owner's additions, so two concurrent saves cannot both pass the size check. */
    void lockOwner(String owner) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('customer_address'), hashtext(?1))")
                .setParameter(1, owner)
                .getSingleResult();
    }

    Optional<SavedAddress> find(long id) {
        return Optional.ofNullable(em.find(SavedAddress.class, id));
    }

    void add(SavedAddress address) {
        em.persist(address);
        em.flush();
    }

    void remove(SavedAddress address) {
        em.remove(address);
    }
}
