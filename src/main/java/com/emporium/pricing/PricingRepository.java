package com.emporium.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The queries behind tax rates, shipping methods and promotions; all parameters bound. */
@ApplicationScoped
class PricingRepository {
    @PersistenceContext
    EntityManager em;

    record Promotion(
            long id,
            String code,
            Discount discount,
            String currency,
            long minSubtotal,
            Instant startsAt,
            Instant endsAt,
            Integer usageLimit,
            int used,
            boolean active,
            Integer perCustomerLimit,
            String name,
            boolean automatic,
            PromotionScope scope,
            Set<Long> categoryIds,
            Set<String> skus,
            List<String> categorySlugs) {}

    /** The columns {@link #promotion} reads, categories also by slug for the admin view. */
    private static final String PROMOTION_COLUMNS = "SELECT id, code, kind, value, currency, min_subtotal,"
            + " starts_at, ends_at, usage_limit, used, active, per_customer_limit, name, automatic, scope,"
            + " array_to_string(category_ids, ','), array_to_string(skus, ','),"
            + " array_to_string(ARRAY(SELECT c.slug FROM category c WHERE c.id = ANY(promotion.category_ids)"
            + " ORDER BY c.slug), ',') FROM promotion";

    /** Tax rates by class for a destination; a region's own rate replaces the country-wide one. */
    Map<String, TaxRate> taxRates(Destination destination) {
        List<?> rows = em.createNativeQuery("SELECT tax_class, name, basis_points FROM tax_rate"
                        + " WHERE country = ?1 AND region IN ('', ?2) ORDER BY region")
                .setParameter(1, destination.country())
                .setParameter(2, destination.region())
                .getResultList();
        Map<String, TaxRate> rates = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            rates.put((String) r[0], new TaxRate((String) r[1], ((Number) r[2]).intValue()));
        }
        return rates;
    }

    List<ShippingMethod> shippingMethods(String country, String currency) {
        List<?> rows = em.createNativeQuery("SELECT m.code, m.name, m.amount, m.free_above, m.currency, b.up_to_grams,"
                        + " b.amount FROM shipping_method m LEFT JOIN shipping_weight_band b ON b.method_code = m.code"
                        + " WHERE ?1 = ANY(m.countries) AND m.currency = ?2 ORDER BY m.code, b.up_to_grams")
                .setParameter(1, country)
                .setParameter(2, currency)
                .getResultList();
        Map<String, Object[]> methods = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Long>> bands = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String code = (String) r[0];
            methods.putIfAbsent(code, r);
            TreeMap<Integer, Long> table = bands.computeIfAbsent(code, c -> new TreeMap<>());
            if (r[5] != null) {
                table.put(((Number) r[5]).intValue(), ((Number) r[6]).longValue());
            }
        }
        return methods.values().stream()
                .map(r -> new ShippingMethod(
                        (String) r[0],
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        r[3] == null ? null : ((Number) r[3]).longValue(),
                        ((String) r[4]).trim(),
                        bands.get((String) r[0])))
                .toList();
    }

    Optional<Promotion> promotionByCode(String code) {
        List<?> rows = em.createNativeQuery(PROMOTION_COLUMNS + " WHERE lower(code) = lower(?1)")
                .setParameter(1, code)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).findFirst().map(PricingRepository::promotion);
    }

    Optional<Promotion> promotionById(long id) {
        List<?> rows = em.createNativeQuery(PROMOTION_COLUMNS + " WHERE id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).findFirst().map(PricingRepository::promotion);
    }

    /** The promotion with its row locked until the transaction ends; a checkout's {@link #redeem} waits. */
    Optional<Promotion> lockPromotion(long id) {
        List<?> rows = em.createNativeQuery(PROMOTION_COLUMNS + " WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).findFirst().map(PricingRepository::promotion);
    }

    /** Writes the changeable fields of a promotion whose row {@link #lockPromotion} locked. */
    void updatePromotion(
            long id,
            String name,
            long value,
            long minSubtotal,
            Instant startsAt,
            Instant endsAt,
            Integer usageLimit,
            Integer perCustomerLimit,
            boolean active) {
        // The casts type the parameters for PostgreSQL when they are bound as null.
        em.createNativeQuery("UPDATE promotion SET name = CAST(?2 AS varchar), value = ?3, min_subtotal = ?4,"
                        + " starts_at = CAST(?5 AS timestamptz), ends_at = CAST(?6 AS timestamptz),"
                        + " usage_limit = CAST(?7 AS integer), per_customer_limit = CAST(?8 AS integer), active = ?9"
                        + " WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, name)
                .setParameter(3, value)
                .setParameter(4, minSubtotal)
                .setParameter(5, startsAt == null ? null : Timestamp.from(startsAt))
                .setParameter(6, endsAt == null ? null : Timestamp.from(endsAt))
                .setParameter(7, usageLimit)
                .setParameter(8, perCustomerLimit)
                .setParameter(9, active)
                .executeUpdate();
    }

    /** The automatic promotions switched on; their window, currency and limits are checked by the caller. */
    List<Promotion> automaticPromotions() {
        List<?> rows = em.createNativeQuery(PROMOTION_COLUMNS + " WHERE automatic AND active ORDER BY id")
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(PricingRepository::promotion)
                .toList();
    }

    List<Promotion> promotions() {
        List<?> rows = em.createNativeQuery(PROMOTION_COLUMNS + " ORDER BY id").getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(PricingRepository::promotion)
                .toList();
    }

    /**
     * For each category id, the ids of the category and all its ancestors, read from the materialised
     * path ("/1/5/17/"): a line is in a promotion's category when that set contains one of its ids.
     */
    Map<Long, Set<Long>> categoryLineage(Collection<Long> categoryIds) {
        Map<Long, Set<Long>> lineage = new HashMap<>();
        if (categoryIds.isEmpty()) {
            return lineage;
        }
        List<?> rows = em.createNativeQuery(
                        "SELECT id, path FROM category WHERE id = ANY(CAST(string_to_array(?1, ',') AS bigint[]))")
                .setParameter(1, joined(categoryIds))
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            Set<Long> ids = new HashSet<>();
            for (String part : ((String) r[1]).split("/")) {
                if (!part.isEmpty()) {
                    ids.add(Long.parseLong(part));
                }
            }
            lineage.put(((Number) r[0]).longValue(), ids);
        }
        return lineage;
    }

    /** Category ids by slug, for the slugs that exist. */
    Map<String, Long> categoryIds(Collection<String> slugs) {
        List<?> rows = em.createNativeQuery("SELECT slug, id FROM category WHERE slug = ANY(string_to_array(?1, ','))")
                .setParameter(1, joined(slugs))
                .getResultList();
        Map<String, Long> ids = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            ids.put((String) r[0], ((Number) r[1]).longValue());
        }
        return ids;
    }

    /** The SKUs among {@code skus} that name a variant. */
    Set<String> knownSkus(Collection<String> skus) {
        List<?> rows = em.createNativeQuery("SELECT sku FROM variant WHERE sku = ANY(string_to_array(?1, ','))")
                .setParameter(1, joined(skus))
                .getResultList();
        return rows.stream().map(String.class::cast).collect(Collectors.toSet());
    }

    /** A new promotion; slugs and SKUs are already checked, and neither contains a comma. */
    long createPromotion(
            String code,
            Discount discount,
            String currency,
            long minSubtotal,
            Instant startsAt,
            Instant endsAt,
            Integer usageLimit,
            Integer perCustomerLimit,
            String name,
            boolean automatic,
            PromotionScope scope,
            Collection<Long> categoryIds,
            Collection<String> skus) {
        Object id = em.createNativeQuery("INSERT INTO promotion (code, kind, value, currency, min_subtotal, starts_at,"
                        + " ends_at, usage_limit, per_customer_limit, name, automatic, scope, category_ids, skus)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                        + " CAST(string_to_array(?13, ',') AS bigint[]), CAST(string_to_array(?14, ',') AS varchar[]))"
                        + " RETURNING id")
                .setParameter(1, code)
                .setParameter(2, discount.kind().name())
                .setParameter(3, discount.value())
                .setParameter(4, currency)
                .setParameter(5, minSubtotal)
                .setParameter(6, startsAt == null ? null : Timestamp.from(startsAt))
                .setParameter(7, endsAt == null ? null : Timestamp.from(endsAt))
                .setParameter(8, usageLimit)
                .setParameter(9, perCustomerLimit)
                .setParameter(10, name)
                .setParameter(11, automatic)
                .setParameter(12, scope.name())
                .setParameter(13, joined(categoryIds))
                .setParameter(14, joined(skus))
                .getSingleResult();
        return ((Number) id).longValue();
    }

    boolean codeTaken(String code) {
        return !em.createNativeQuery("SELECT 1 FROM promotion WHERE lower(code) = lower(?1)")
                .setParameter(1, code)
                .getResultList()
                .isEmpty();
    }

    /**
     * How often this customer used the promotion. Called after {@link #redeem} has locked the
     * promotion's row, so it sees every use committed before: two checkouts of one customer cannot
     * both find room under the limit.
     */
    long usesBy(long promotionId, String customer) {
        return ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM promotion_redemption WHERE promotion_id = ?1 AND customer = ?2")
                        .setParameter(1, promotionId)
                        .setParameter(2, customer)
                        .getSingleResult())
                .longValue();
    }

    void recordUse(long promotionId, String customer) {
        em.createNativeQuery("INSERT INTO promotion_redemption (promotion_id, customer) VALUES (?1, ?2)")
                .setParameter(1, promotionId)
                .setParameter(2, customer)
                .executeUpdate();
    }

    /**
     * Counts one use unless the limit is reached. The WHERE clause decides under the row lock, which is
     * held until the checkout commits, so fifty concurrent checkouts of a single-use promotion update
     * exactly one row between them.
     */
    boolean redeem(long promotionId) {
        return em.createNativeQuery("UPDATE promotion SET used = used + 1 WHERE id = ?1 AND active"
                                + " AND (usage_limit IS NULL OR used < usage_limit)")
                        .setParameter(1, promotionId)
                        .executeUpdate()
                == 1;
    }

    /** Takes back a use counted in this transaction, still under the row lock {@link #redeem} took. */
    void unredeem(long promotionId) {
        em.createNativeQuery("UPDATE promotion SET used = used - 1 WHERE id = ?1")
                .setParameter(1, promotionId)
                .executeUpdate();
    }

    List<TaxRateRequest> taxRateRows(String country) {
        String select = "SELECT country, region, tax_class, name, basis_points FROM tax_rate";
        String order = " ORDER BY country, region, tax_class";
        List<?> rows = country == null
                ? em.createNativeQuery(select + order).getResultList()
                : em.createNativeQuery(select + " WHERE country = ?1" + order)
                        .setParameter(1, country)
                        .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(r -> new TaxRateRequest(
                        ((String) r[0]).trim(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue()))
                .toList();
    }

    void upsertTaxRate(TaxRateRequest r) {
        em.createNativeQuery("INSERT INTO tax_rate (country, region, tax_class, name, basis_points)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (country, region, tax_class)"
                        + " DO UPDATE SET name = EXCLUDED.name, basis_points = EXCLUDED.basis_points")
                .setParameter(1, r.country())
                .setParameter(2, r.region() == null ? "" : r.region())
                .setParameter(3, r.taxClass())
                .setParameter(4, r.name())
                .setParameter(5, r.basisPoints())
                .executeUpdate();
    }

    private static Promotion promotion(Object[] r) {
        return new Promotion(
                ((Number) r[0]).longValue(),
                (String) r[1],
                new Discount(Discount.Kind.valueOf((String) r[2]), ((Number) r[3]).longValue()),
                r[4] == null ? null : ((String) r[4]).trim(),
                ((Number) r[5]).longValue(),
                instant(r[6]),
                instant(r[7]),
                r[8] == null ? null : ((Number) r[8]).intValue(),
                ((Number) r[9]).intValue(),
                (Boolean) r[10],
                r[11] == null ? null : ((Number) r[11]).intValue(),
                (String) r[12],
                (Boolean) r[13],
                PromotionScope.valueOf((String) r[14]),
                split((String) r[15]).stream().map(Long::valueOf).collect(Collectors.toSet()),
                Set.copyOf(split((String) r[16])),
                split((String) r[17]));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    /** Bound as one text parameter and split in SQL: the values are ids, slugs or SKUs, none with a comma. */
    private static String joined(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
