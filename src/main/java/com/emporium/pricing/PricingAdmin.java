package com.emporium.pricing;

import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.InvalidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

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
        if (r.kind() == Discount.Kind.PERCENTAGE && r.value() > 100) {
            throw new InvalidRequest("A percentage promotion takes 1 to 100.");
        }
        if (r.kind() == Discount.Kind.FIXED && r.currency() == null) {
            throw new InvalidRequest("A fixed-amount promotion needs a currency.");
        }
        if (r.startsAt() != null && r.endsAt() != null && !r.endsAt().isAfter(r.startsAt())) {
            throw new InvalidRequest("endsAt must be after startsAt.");
        }
        if (repository.codeTaken(r.code())) {
            throw new Conflict("coupon-code-taken", "Coupon code taken", "Code '" + r.code() + "' exists.");
        }
        repository.createPromotion(
                r.code(),
                new Discount(r.kind(), r.value()),
                r.currency(),
                r.minSubtotal() == null ? 0 : r.minSubtotal(),
                r.startsAt(),
                r.endsAt(),
                r.usageLimit(),
                r.perCustomerLimit());
        return repository.promotionByCode(r.code()).map(PromotionView::from).orElseThrow();
    }

    public List<TaxRateRequest> taxRates(String country) {
        return repository.taxRateRows(country);
    }

    public TaxRateRequest setTaxRate(TaxRateRequest r) {
        repository.upsertTaxRate(r);
        return r;
    }
}
