package com.emporium.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the catalog sells right now, by SKU: the one way carts and checkout read names, prices, tax
 * classes and weights, so a client never supplies a price. Sellable uses the same rule as the public
 * product page (active product in a live category) plus a live variant.
 */
@ApplicationScoped
public class CatalogOffers {
    @PersistenceContext
    EntityManager em;

    /** One SKU as the shop offers it at this moment. */
    public record Offer(
            String sku,
            String name,
            long unitPrice,
            String currency,
            boolean sellable,
            String taxClass,
            Integer weightGrams,
            long categoryId) {}

    /** The offers for the SKUs that exist; unknown SKUs are simply absent from the map. */
    public Map<String, Offer> offers(Collection<String> skus) {
        Map<String, Offer> offers = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return offers;
        }
        List<String> distinct = skus.stream().distinct().toList();
        // One bound parameter per SKU: the list is short (a cart holds at most 100 lines).
        String params =
                IntStream.rangeClosed(1, distinct.size()).mapToObj(i -> "?" + i).collect(Collectors.joining(","));
        var query = em.createNativeQuery("SELECT v.sku, p.name || ' – ' || v.title, v.price_amount, v.currency,"
                + " (p.status = 'ACTIVE' AND NOT c.archived AND NOT v.archived), v.tax_class, v.weight_grams,"
                + " p.category_id FROM variant v JOIN product p ON p.id = v.product_id"
                + " JOIN category c ON c.id = p.category_id WHERE v.sku IN (" + params + ")");
        for (int i = 0; i < distinct.size(); i++) {
            query.setParameter(i + 1, distinct.get(i));
        }
        List<?> rows = query.getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            offers.put(
                    (String) r[0],
                    new Offer(
                            (String) r[0],
                            (String) r[1],
                            ((Number) r[2]).longValue(),
                            ((String) r[3]).trim(),
                            (Boolean) r[4],
                            (String) r[5],
                            r[6] == null ? null : ((Number) r[6]).intValue(),
                            ((Number) r[7]).longValue()));
        }
        return offers;
    }
}
