package com.emporium.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.pricing.PriceCalculator.Item;
import com.emporium.pricing.PriceCalculator.Quote;
import com.emporium.pricing.PriceCalculator.QuotedLine;
import com.emporium.pricing.PriceCalculator.Reduction;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Money rules: exact sums in minor units over random carts, and the documented rounding on known cases. */
class PriceCalculatorTest {
    private static final List<TaxRate> RATES = List.of(
            new TaxRate("DE VAT 19%", 1900),
            new TaxRate("DE VAT 7%", 700),
            new TaxRate("FR TVA 5.5%", 550),
            new TaxRate("US-CA 7.25%", 725),
            TaxRate.NONE);

    /** A random cart with up to two reductions (an automatic promotion and a coupon), each on some lines. */
    record PricedCart(List<Item> items, List<Reduction> reductions) {}

    @Property(tries = 5000)
    void totalsAddUpToTheUnitWithNothingLostOrCreated(
            @ForAll("pricedCarts") PricedCart cart, @ForAll("shipping") long shipping, @ForAll boolean inclusive) {
        List<Item> items = cart.items();
        Quote quote = PriceCalculator.quote(items, cart.reductions(), shipping, RATES.get(0), inclusive);

        long subtotal =
                items.stream().mapToLong(i -> i.unitPrice() * i.quantity()).sum();
        assertThat(quote.subtotal()).isEqualTo(subtotal);
        long lineDiscounts =
                quote.lines().stream().mapToLong(QuotedLine::discount).sum();
        assertThat(lineDiscounts).as("discount spread over lines").isEqualTo(quote.discount());
        assertThat(quote.discount()).isBetween(0L, subtotal);
        long net = quote.lines().stream().mapToLong(QuotedLine::net).sum();
        assertThat(net).isEqualTo(subtotal - quote.discount());
        quote.lines().forEach(l -> assertThat(l.net()).as("line after discount").isNotNegative());
        assertThat(quote.reductions().stream().mapToLong(Long::longValue).sum())
                .as("reductions add up to the discount")
                .isEqualTo(quote.discount());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (cart.reductions().stream().noneMatch(r -> r.covers(item))) {
                assertThat(quote.lines().get(i).discount())
                        .as("a line no reduction covers keeps its price")
                        .isZero();
            }
        }
        if (!cart.reductions().isEmpty()) {
            Reduction first = cart.reductions().get(0);
            long covered = items.stream()
                    .filter(first::covers)
                    .mapToLong(it -> it.unitPrice() * it.quantity())
                    .sum();
            assertThat(quote.reductions().get(0))
                    .as("the first reduction is taken from the lines it covers, capped at what they cost")
                    .isEqualTo(first.discount().amountOff(covered));
        }

        long lineTax = quote.lines().stream().mapToLong(QuotedLine::tax).sum();
        long shippingTax = shipping == 0 ? 0 : PriceCalculator.taxOf(shipping, RATES.get(0), inclusive);
        assertThat(quote.tax()).isEqualTo(lineTax + shippingTax);
        assertThat(quote.taxes().stream()
                        .mapToLong(PriceCalculator.TaxLine::amount)
                        .sum())
                .as("per-rate breakdown")
                .isEqualTo(quote.tax());

        long expected = net + shipping + (inclusive ? 0 : quote.tax());
        assertThat(quote.total()).isEqualTo(expected).isNotNegative();
        if (inclusive) {
            assertThat(quote.tax()).isLessThanOrEqualTo(net + shipping);
        }
    }

    @Test
    void taxIsRoundedHalfUpPerLine() {
        // 19 % of 250 = 47.5 → 48; inclusive: 119 contains 19 exactly.
        assertThat(PriceCalculator.taxOf(250, new TaxRate("19", 1900), false)).isEqualTo(48);
        assertThat(PriceCalculator.taxOf(249, new TaxRate("19", 1900), false)).isEqualTo(47);
        assertThat(PriceCalculator.taxOf(119, new TaxRate("19", 1900), true)).isEqualTo(19);
        assertThat(PriceCalculator.taxOf(100, new TaxRate("19", 1900), true)).isEqualTo(16);
    }

    @Test
    void aDiscountLargerThanTheCartMakesItFreeNotNegative() {
        Quote quote = PriceCalculator.quote(
                List.of(new Item("A", "a", 1, 500, RATES.get(0))),
                List.of(Reduction.wholeCart(new Discount(Discount.Kind.FIXED, 10_000))),
                0,
                RATES.get(0),
                true);
        assertThat(quote.discount()).isEqualTo(500);
        assertThat(quote.total()).isZero();
        assertThat(quote.tax()).isZero();
    }

    @Test
    void theDiscountRemainderGoesToTheLargestRemainders() {
        long[] shares = PriceCalculator.spread(new long[] {100, 100, 100}, 100);
        assertThat(shares).containsExactly(34, 33, 33);
    }

    @Test
    void aScopedDiscountTouchesOnlyTheLinesItCovers() {
        List<Item> items = List.of(
                new Item("SHOE", "shoe", 2, 5_000, RATES.get(0)), new Item("SOCK", "sock", 1, 999, RATES.get(1)));
        Quote quote = PriceCalculator.quote(
                items,
                List.of(Reduction.onSkus(new Discount(Discount.Kind.PERCENTAGE, 10), Set.of("SHOE"))),
                0,
                RATES.get(0),
                true);
        assertThat(quote.lines().get(0).discount()).isEqualTo(1_000);
        assertThat(quote.lines().get(1).discount()).isZero();
        assertThat(quote.total()).isEqualTo(9_999);
    }

    @Test
    void aFixedScopedDiscountIsCappedAtTheCoveredLinesAndTheSecondReductionWorksOnWhatIsLeft() {
        List<Item> items =
                List.of(new Item("A", "a", 1, 300, TaxRate.NONE), new Item("B", "b", 1, 1_000, TaxRate.NONE));
        Quote quote = PriceCalculator.quote(
                items,
                List.of(
                        Reduction.onSkus(new Discount(Discount.Kind.FIXED, 500), Set.of("A")),
                        Reduction.wholeCart(new Discount(Discount.Kind.PERCENTAGE, 10))),
                0,
                TaxRate.NONE,
                true);
        // A is free after the first (capped at 300); the coupon takes 10 % of the 1,000 still owed.
        assertThat(quote.reductions()).containsExactly(300L, 100L);
        assertThat(quote.lines().get(0).net()).isZero();
        assertThat(quote.lines().get(1).net()).isEqualTo(900);
        assertThat(quote.total()).isEqualTo(900);
    }

    @Provide
    Arbitrary<List<Item>> carts() {
        Arbitrary<Item> item = Combinators.combine(
                        Arbitraries.strings().alpha().ofLength(6),
                        Arbitraries.integers().between(1, 999),
                        Arbitraries.longs().between(0, 5_000_000),
                        Arbitraries.of(RATES))
                .as((sku, quantity, price, rate) -> new Item(sku, sku, quantity, price, rate));
        return item.list().ofMinSize(0).ofMaxSize(100);
    }

    Arbitrary<Discount> discounts() {
        Arbitrary<Discount> percentage =
                Arbitraries.longs().between(1, 100).map(v -> new Discount(Discount.Kind.PERCENTAGE, v));
        Arbitrary<Discount> fixed =
                Arbitraries.longs().between(1, 100_000_000).map(v -> new Discount(Discount.Kind.FIXED, v));
        return Arbitraries.oneOf(percentage, fixed);
    }

    /** Carts with none, one or two reductions, each on the whole cart or on a random subset of its SKUs. */
    @Provide
    Arbitrary<PricedCart> pricedCarts() {
        return carts().flatMap(items -> {
            Set<String> skus = items.stream().map(Item::sku).collect(Collectors.toSet());
            Arbitrary<Set<String>> covered = skus.isEmpty() ? Arbitraries.just(Set.of()) : Arbitraries.subsetOf(skus);
            Arbitrary<Reduction> reduction = Combinators.combine(discounts(), Arbitraries.of(true, false), covered)
                    .as((discount, whole, some) ->
                            whole ? Reduction.wholeCart(discount) : Reduction.onSkus(discount, some));
            return reduction.list().ofMaxSize(2).map(reductions -> new PricedCart(items, reductions));
        });
    }

    @Provide
    Arbitrary<Long> shipping() {
        return Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 100_000));
    }
}
