package com.emporium.pricing;

import com.emporium.pricing.PriceCalculator.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prices a set of catalog items for a destination: tax rates, shipping options and a coupon. Carts ask
 * leniently (a coupon that does not apply is shown as such); checkout asks strictly (it is refused).
 */
@ApplicationScoped
@Transactional
public class PricingService {
    @Inject
    PricingRepository repository;

    @Inject
    @ConfigProperty(name = "emporium.pricing.prices-include-tax", defaultValue = "true")
    boolean pricesIncludeTax;

    @Inject
    @ConfigProperty(name = "emporium.pricing.default-country", defaultValue = "DE")
    String defaultCountry;

    /**
     * A catalog line to price; the unit price and weight always come from the catalog. A variant
     * without a weight counts as 0 g.
     */
    public record Item(String sku, String name, int quantity, long unitPrice, String taxClass, int weightGrams) {}

    public record ShippingOption(String code, String name, long price) {}

    /** The coupon as entered and whether it applies; {@code reason} says why not. */
    public record CouponStatus(String code, boolean applied, Optional<String> reason) {}

    public record Priced(
            Quote quote,
            Destination destination,
            List<ShippingOption> shippingOptions,
            Optional<String> shippingMethod,
            Optional<CouponStatus> coupon,
            Optional<Long> promotionId) {}

    public enum Mode {
        PREVIEW,
        CHECKOUT
    }

    public Destination defaultDestination() {
        return new Destination(defaultCountry, "");
    }

    public Priced price(
            String currency,
            List<Item> items,
            Destination destination,
            Optional<String> coupon,
            Optional<String> shippingMethod,
            Mode mode) {
        Map<String, TaxRate> rates = repository.taxRates(destination);
        List<PriceCalculator.Item> priced = new ArrayList<>();
        long subtotal = 0;
        long weight = 0;
        for (Item item : items) {
            weight = Math.addExact(weight, Math.multiplyExact((long) item.weightGrams(), item.quantity()));
            priced.add(new PriceCalculator.Item(
                    item.sku(),
                    item.name(),
                    item.quantity(),
                    item.unitPrice(),
                    rates.getOrDefault(item.taxClass(), TaxRate.NONE)));
            subtotal = Math.addExact(subtotal, Math.multiplyExact(item.unitPrice(), item.quantity()));
        }

        Optional<CouponStatus> couponStatus = Optional.empty();
        Optional<Discount> discount = Optional.empty();
        Optional<Long> promotionId = Optional.empty();
        if (coupon.isPresent()) {
            String code = coupon.get();
            Optional<String> refusal = refusal(code, currency, subtotal, Instant.now());
            if (refusal.isPresent() && mode == Mode.CHECKOUT) {
                throw new CouponUnavailable(code, refusal.get());
            }
            couponStatus = Optional.of(new CouponStatus(code, refusal.isEmpty(), refusal));
            if (refusal.isEmpty()) {
                PricingRepository.Promotion promotion =
                        repository.promotionByCode(code).orElseThrow();
                discount = Optional.of(promotion.discount());
                promotionId = Optional.of(promotion.id());
            }
        }
        // Free-shipping thresholds look at what the customer pays for goods, after the discount.
        long discounted = subtotal - (discount.isPresent() ? discount.get().amountOff(subtotal) : 0);

        // A weight-priced method the cart is too heavy for is not offered, so it cannot be chosen either.
        long cartWeight = weight;
        List<ShippingOption> options = repository.shippingMethods(destination.country(), currency).stream()
                .flatMap(
                        m -> m
                                .priceFor(cartWeight, discounted)
                                .map(price -> new ShippingOption(m.code(), m.name(), price))
                                .stream())
                .sorted(Comparator.comparingLong(ShippingOption::price).thenComparing(ShippingOption::code))
                .toList();
        Optional<ShippingOption> chosen = shippingMethod.flatMap(
                code -> options.stream().filter(o -> o.code().equals(code)).findFirst());
        if (shippingMethod.isPresent() && chosen.isEmpty() && mode == Mode.CHECKOUT) {
            throw new ShippingUnavailable(shippingMethod.get(), destination.country());
        }
        long shipping = chosen.map(ShippingOption::price).orElse(0L);
        TaxRate shippingRate = rates.getOrDefault("standard", TaxRate.NONE);

        Quote quote = PriceCalculator.quote(priced, discount, shipping, shippingRate, pricesIncludeTax);
        return new Priced(quote, destination, options, chosen.map(ShippingOption::code), couponStatus, promotionId);
    }

    /**
     * Counts one use of a promotion at checkout by {@code customer} (an account, or a guest's
     * normalised email); refused once its overall limit or the customer's own limit is reached.
     */
    public void redeem(long promotionId, String code, String customer) {
        if (!repository.redeem(promotionId)) {
            throw new CouponUnavailable(code, "it has been used up");
        }
        Integer perCustomer = repository
                .promotionByCode(code)
                .map(PricingRepository.Promotion::perCustomerLimit)
                .orElse(null);
        if (perCustomer != null && repository.usesBy(promotionId, customer) >= perCustomer) {
            throw new CouponUnavailable(code, "you have already used it as often as it allows");
        }
        repository.recordUse(promotionId, customer);
    }

    private Optional<String> refusal(String code, String currency, long subtotal, Instant now) {
        Optional<PricingRepository.Promotion> found = repository.promotionByCode(code);
        if (found.isEmpty() || !found.get().active()) {
            return Optional.of("no such coupon");
        }
        PricingRepository.Promotion p = found.get();
        if (p.startsAt() != null && now.isBefore(p.startsAt()) || p.endsAt() != null && !now.isBefore(p.endsAt())) {
            return Optional.of("it is not valid at this time");
        }
        if (p.usageLimit() != null && p.used() >= p.usageLimit()) {
            return Optional.of("it has been used up");
        }
        if (p.currency() != null && !p.currency().equals(currency)) {
            return Optional.of("it is for another currency");
        }
        if (subtotal < p.minSubtotal()) {
            return Optional.of("the subtotal is below its minimum of " + p.minSubtotal());
        }
        return Optional.empty();
    }
}
