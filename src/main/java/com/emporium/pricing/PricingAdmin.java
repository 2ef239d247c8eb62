package com.emporium.pricing;

import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.InvalidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

    public List<TaxRateRequest> taxRates(String country) {
        return repository.taxRateRows(country);
    }

    public TaxRateRequest setTaxRate(TaxRateRequest r) {
        repository.upsertTaxRate(r);
        return r;
    }
}
