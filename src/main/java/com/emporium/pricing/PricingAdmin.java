package com.emporium.pricing;

import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The admin use cases, each one transaction. */
@ApplicationScoped
@Transactional
public class PricingAdmin {
    @Inject
    PricingRepository repository;

    public List<PromotionView> promotions() {
        return repository.promotions().stream().map(PromotionView::from).toList();
    }

    public PromotionView create(PromotionRequest r) {
        boolean automatic = Boolean.TRUE.equals(r.automatic());
        if (automatic && r.code() != null) {
            throw new InvalidRequest("An automatic promotion has no code; leave code out.");
        }
        if (!automatic && r.code() == null) {
            throw new InvalidRequest("A coupon needs a code; or set automatic to true.");
        }
        if (r.kind() == Discount.Kind.PERCENTAGE && r.value() > 100) {
            throw new InvalidRequest("A percentage promotion takes 1 to 100.");
        }
        if (r.kind() == Discount.Kind.FIXED && r.currency() == null) {
            throw new InvalidRequest("A fixed-amount promotion needs a currency.");
        }
        if (r.startsAt() != null && r.endsAt() != null && !r.endsAt().isAfter(r.startsAt())) {
            throw new InvalidRequest("endsAt must be after startsAt.");
        }
        PromotionScope scope = r.scope() == null ? PromotionScope.CART : r.scope();
        Set<String> slugs = new TreeSet<>(r.categories() == null ? List.of() : r.categories());
        Set<String> skus = new TreeSet<>(r.skus() == null ? List.of() : r.skus());
        if ((scope == PromotionScope.CATEGORIES) != !slugs.isEmpty()
                || (scope == PromotionScope.SKUS) != !skus.isEmpty()) {
            throw new InvalidRequest("Scope " + scope + " takes "
                    + switch (scope) {
                        case CART -> "neither categories nor skus.";
                        case CATEGORIES -> "categories (at least one) and no skus.";
                        case SKUS -> "skus (at least one) and no categories.";
                    });
        }
        Map<String, Long> categoryIds = slugs.isEmpty() ? Map.of() : repository.categoryIds(slugs);
        List<String> unknownSlugs =
                slugs.stream().filter(s -> !categoryIds.containsKey(s)).toList();
        if (!unknownSlugs.isEmpty()) {
            throw new InvalidRequest("Unknown categories: " + String.join(", ", unknownSlugs) + ".");
        }
        Set<String> known = skus.isEmpty() ? Set.of() : repository.knownSkus(skus);
        List<String> unknownSkus = skus.stream().filter(s -> !known.contains(s)).toList();
        if (!unknownSkus.isEmpty()) {
            throw new InvalidRequest("Unknown SKUs: " + String.join(", ", unknownSkus) + ".");
        }
        if (r.code() != null && repository.codeTaken(r.code())) {
            throw new Conflict("coupon-code-taken", "Coupon code taken", "Code '" + r.code() + "' exists.");
        }
        long id = repository.createPromotion(
                r.code(),
                new Discount(r.kind(), r.value()),
                r.currency(),
                r.minSubtotal() == null ? 0 : r.minSubtotal(),
                r.startsAt(),
                r.endsAt(),
                r.usageLimit(),
                r.perCustomerLimit(),
                r.name(),
                automatic,
                scope,
                categoryIds.values(),
                skus);
        return repository.promotionById(id).map(PromotionView::from).orElseThrow();
    }

    public PromotionView promotion(long id) {
        return repository.promotionById(id).map(PromotionView::from).orElseThrow(() -> notFound(id));
    }

    /**
     * Applies a change under the promotion's row lock, the lock a checkout's redemption takes too: a
     * usage limit cannot be lowered below a use that commits meanwhile.
     */
    public PromotionView change(long id, PromotionChange c) {
        PricingRepository.Promotion p = repository.lockPromotion(id).orElseThrow(() -> notFound(id));
        long value = c.value() == null ? p.discount().value() : c.value();
        if (p.discount().kind() == Discount.Kind.PERCENTAGE && value > 100) {
            throw new InvalidRequest("A percentage promotion takes 1 to 100.");
        }
        Instant startsAt = c.startsAt() == null ? p.startsAt() : c.startsAt();
        Instant endsAt = c.endsAt() == null ? p.endsAt() : c.endsAt();
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new InvalidRequest("endsAt must be after startsAt.");
        }
        Integer usageLimit = c.usageLimit() == null ? p.usageLimit() : c.usageLimit();
        if (usageLimit != null && usageLimit < p.used()) {
            throw new Conflict(
                    "usage-limit-below-uses",
                    "Usage limit below uses",
                    "The promotion has been used " + p.used() + " times; its usage limit cannot be lower.");
        }
        repository.updatePromotion(
                id,
                c.name() == null ? p.name() : c.name(),
                value,
                c.minSubtotal() == null ? p.minSubtotal() : c.minSubtotal(),
                startsAt,
                endsAt,
                usageLimit,
                c.perCustomerLimit() == null ? p.perCustomerLimit() : c.perCustomerLimit(),
                c.active() == null ? p.active() : c.active());
        return promotion(id);
    }

    private static NotFound notFound(long id) {
        return new NotFound("No promotion " + id + ".");
    }

    public List<TaxRateRequest> taxRates(String country) {
        return repository.taxRateRows(country);
    }

    public TaxRateRequest setTaxRate(TaxRateRequest r) {
        repository.upsertTaxRate(r);
        return r;
    }
}
