package com.emporium.pricing;

import com.emporium.pricing.PriceCalculator.Quote;
import com.emporium.pricing.PricingRepository.Promotion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prices a set of catalog items for a destination: tax rates, shipping options, the best automatic
 * promotion and a coupon. Carts ask leniently (a coupon that does not apply is shown as such); checkout
 * asks strictly (it is refused) and counts the promotions' uses.
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
     * A catalog line to price; the unit price, weight and category always come from the catalog. A
     * variant without a weight counts as 0 g.
     */
    public record Item(
            String sku, String name, int quantity, long unitPrice, String taxClass, int weightGrams, long categoryId) {}

    public record ShippingOption(String code, String name, long price) {}

    /** The coupon as entered and whether it applies; {@code reason} says why not. */
    public record CouponStatus(String code, boolean applied, Optional<String> reason) {}

    /** A promotion as applied: what it took off. Automatic promotions have no code. */
    public record AppliedPromotion(long id, String code, String name, boolean automatic, long amount) {}

    /** {@code promotions} lists the automatic promotion first, then the coupon, each as applied. */
    public record Priced(
            Quote quote,
            Destination destination,
            List<ShippingOption> shippingOptions,
            Optional<String> shippingMethod,
            Optional<CouponStatus> coupon,
            List<AppliedPromotion> promotions) {

        /** The coupon's promotion, when one was applied. */
        public Optional<Long> couponPromotionId() {
            return promotions.stream()
                    .filter(p -> !p.automatic())
                    .map(AppliedPromotion::id)
                    .findFirst();
        }
    }

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
        return price(currency, items, destination, coupon, shippingMethod, mode, Set.of());
    }

    /**
     * Prices strictly and counts the use of every promotion applied, for {@code customer} (an account,
     * or a guest's normalised email). An automatic promotion that turns out to be used up, overall or by
     * this customer, once its row is locked is left out and the cart priced again: the order gets the
     * next best automatic promotion or none, and is still placed. A coupon that can no longer be used
     * refuses the checkout, as the customer asked for it.
     */
    public Priced checkout(
            String currency,
            List<Item> items,
            Destination destination,
            Optional<String> coupon,
            String shippingMethod,
            String customer) {
        Set<Long> excluded = new HashSet<>();
        while (true) {
            Priced priced =
                    price(currency, items, destination, coupon, Optional.of(shippingMethod), Mode.CHECKOUT, excluded);
            Optional<AppliedPromotion> automatic = priced.promotions().stream()
                    .filter(AppliedPromotion::automatic)
                    .findFirst();
            if (automatic.isPresent() && !redeemAutomatic(automatic.get().id(), customer)) {
                excluded.add(automatic.get().id());
                continue;
            }
            priced.promotions().stream().filter(p -> !p.automatic()).forEach(p -> redeem(p.id(), p.code(), customer));
            return priced;
        }
    }

    private Priced price(
            String currency,
            List<Item> items,
            Destination destination,
            Optional<String> coupon,
            Optional<String> shippingMethod,
            Mode mode,
            Set<Long> excluded) {
        Map<String, TaxRate> rates = repository.taxRates(destination);
        List<PriceCalculator.Item> priced = new ArrayList<>();
        long weight = 0;
        for (Item item : items) {
            weight = Math.addExact(weight, Math.multiplyExact((long) item.weightGrams(), item.quantity()));
            priced.add(new PriceCalculator.Item(
                    item.sku(),
                    item.name(),
                    item.quantity(),
                    item.unitPrice(),
                    rates.getOrDefault(item.taxClass(), TaxRate.NONE)));
        }
        Instant now = Instant.now();
        Eligibility eligibility = new Eligibility(items);

        // The best single automatic promotion: the one that takes most off this cart (the older on a tie).
        Optional<Promotion> automatic = Optional.empty();
        long best = 0;
        for (Promotion p : repository.automaticPromotions()) {
            long base = eligibility.subtotal(p);
            if (excluded.contains(p.id()) || refusal(p, currency, base, now).isPresent()) {
                continue;
            }
            long off = p.discount().amountOff(base);
            if (off > best) {
                best = off;
                automatic = Optional.of(p);
            }
        }

        Optional<CouponStatus> couponStatus = Optional.empty();
        Optional<Promotion> couponPromotion = Optional.empty();
        if (coupon.isPresent()) {
            String code = coupon.get();
            Optional<Promotion> found = repository.promotionByCode(code);
            Optional<String> refusal = found.isEmpty()
                    ? Optional.of("no such coupon")
                    : refusal(found.get(), currency, eligibility.subtotal(found.get()), now);
            if (refusal.isPresent() && mode == Mode.CHECKOUT) {
                throw new CouponUnavailable(code, refusal.get());
            }
            couponStatus = Optional.of(new CouponStatus(code, refusal.isEmpty(), refusal));
            couponPromotion = refusal.isEmpty() ? found : Optional.empty();
        }

        List<Promotion> applied = new ArrayList<>();
        automatic.ifPresent(applied::add);
        couponPromotion.ifPresent(applied::add);
        List<PriceCalculator.Reduction> reductions =
                applied.stream().map(eligibility::reduction).toList();
        TaxRate shippingRate = rates.getOrDefault("standard", TaxRate.NONE);

        // Free-shipping thresholds look at what the customer pays for goods, after the discounts.
        long discounted = PriceCalculator.quote(priced, reductions, 0, shippingRate, pricesIncludeTax).lines().stream()
                .mapToLong(PriceCalculator.QuotedLine::net)
                .sum();

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

        Quote quote = PriceCalculator.quote(priced, reductions, shipping, shippingRate, pricesIncludeTax);
        List<AppliedPromotion> promotions = new ArrayList<>();
        for (int i = 0; i < applied.size(); i++) {
            Promotion p = applied.get(i);
            promotions.add(new AppliedPromotion(
                    p.id(),
                    p.code(),
                    p.name(),
                    p.automatic(),
                    quote.reductions().get(i)));
        }
        return new Priced(
                quote, destination, options, chosen.map(ShippingOption::code), couponStatus, List.copyOf(promotions));
    }

    /** Which lines of the cart a promotion covers; a category covers its whole subtree. */
    private final class Eligibility {
        private final List<Item> items;
        private Map<Long, Set<Long>> lineage;

        Eligibility(List<Item> items) {
            this.items = items;
        }

        boolean covers(Promotion p, Item item) {
            return switch (p.scope()) {
                case CART -> true;
                case SKUS -> p.skus().contains(item.sku());
                case CATEGORIES ->
                    lineage().getOrDefault(item.categoryId(), Set.of()).stream().anyMatch(p.categoryIds()::contains);
            };
        }

        /** What the covered lines cost before any discount: the base for the minimum subtotal too. */
        long subtotal(Promotion p) {
            long sum = 0;
            for (Item item : items) {
                if (covers(p, item)) {
                    sum = Math.addExact(sum, Math.multiplyExact(item.unitPrice(), item.quantity()));
                }
            }
            return sum;
        }

        PriceCalculator.Reduction reduction(Promotion p) {
            if (p.scope() == PromotionScope.CART) {
                return PriceCalculator.Reduction.wholeCart(p.discount());
            }
            return PriceCalculator.Reduction.onSkus(
                    p.discount(),
                    items.stream()
                            .filter(item -> covers(p, item))
                            .map(Item::sku)
                            .collect(Collectors.toSet()));
        }

        /** Read once per pricing, and only when a category-scoped promotion asks. */
        private Map<Long, Set<Long>> lineage() {
            if (lineage == null) {
                lineage = repository.categoryLineage(
                        items.stream().map(Item::categoryId).collect(Collectors.toSet()));
            }
            return lineage;
        }
    }

    /**
     * Counts one use of a promotion at checkout by {@code customer} (an account, or a guest's
     * normalised email); refused once its overall limit or the customer's own limit is reached.
     */
    private void redeem(long promotionId, String code, String customer) {
        if (!repository.redeem(promotionId)) {
            throw new CouponUnavailable(code, "it has been used up");
        }
        Integer perCustomer = repository
                .promotionById(promotionId)
                .map(Promotion::perCustomerLimit)
                .orElse(null);
        if (perCustomer != null && repository.usesBy(promotionId, customer) >= perCustomer) {
            throw new CouponUnavailable(code, "you have already used it as often as it allows");
        }
        repository.recordUse(promotionId, customer);
    }

    /**
     * The same counting for an automatic promotion, which nobody asked for by name: when it has no room
     * left, the use is taken back (the row lock stays until commit) and the caller prices without it.
     */
    private boolean redeemAutomatic(long promotionId, String customer) {
        if (!repository.redeem(promotionId)) {
            return false;
        }
        Integer perCustomer = repository
                .promotionById(promotionId)
                .map(Promotion::perCustomerLimit)
                .orElse(null);
        if (perCustomer != null && repository.usesBy(promotionId, customer) >= perCustomer) {
            repository.unredeem(promotionId);
            return false;
        }
        repository.recordUse(promotionId, customer);
        return true;
    }

    /** Why a promotion does not apply to a cart whose covered lines come to {@code base}; empty if it does. */
    private static Optional<String> refusal(Promotion p, String currency, long base, Instant now) {
        if (!p.active()) {
            return Optional.of("it has ended");
        }
        if (p.startsAt() != null && now.isBefore(p.startsAt()) || p.endsAt() != null && !now.isBefore(p.endsAt())) {
            return Optional.of("it is not valid at this time");
        }
        if (p.usageLimit() != null && p.used() >= p.usageLimit()) {
            return Optional.of("it has been used up");
        }
        if (p.currency() != null && !p.currency().equals(currency)) {
            return Optional.of("it is for another currency");
        }
        if (p.scope() != PromotionScope.CART && base == 0) {
            return Optional.of("nothing in the cart qualifies for it");
        }
        if (base < p.minSubtotal()) {
            return Optional.of(
                    p.scope() == PromotionScope.CART
                            ? "the subtotal is below its minimum of " + p.minSubtotal()
                            : "the items it covers come to less than its minimum of " + p.minSubtotal());
        }
        return Optional.empty();
    }
}
