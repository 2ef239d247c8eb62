package com.emporium.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.pricing.PriceCalculator.Item;
import com.emporium.pricing.PriceCalculator.Quote;
import com.emporium.pricing.PriceCalculator.QuotedLine;
import java.util.List;
import java.util.Optional;
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

    @Property(tries = 5000)
    void totalsAddUpToTheUnitWithNothingLostOrCreated(
            @ForAll("carts") List<Item> items,
            @ForAll("discounts") Optional<Discount> discount,
            @ForAll("shipping") long shipping,
            @ForAll boolean inclusive) {
        Quote quote = PriceCalculator.quote(items, discount, shipping, RATES.get(0), inclusive);

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
                Optional.of(new Discount(Discount.Kind.FIXED, 10_000)),
                0,
                RATES.get(0),
                true);
        assertThat(quote.discount()).isEqualTo(500);
        assertThat(quote.total()).isZero();
        assertThat(quote.tax()).isZero();
    }

    @Test
    void theDiscountRemainderGoesToTheLargestRemainders() {
        List<Item> items = List.of(
                new Item("A", "a", 1, 100, TaxRate.NONE),
                new Item("B", "b", 1, 100, TaxRate.NONE),
                new Item("C", "c", 1, 100, TaxRate.NONE));
        long[] shares = PriceCalculator.spread(items, 300, 100);
        assertThat(shares).containsExactly(34, 33, 33);
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

    @Provide
    Arbitrary<Optional<Discount>> discounts() {
        Arbitrary<Discount> percentage =
                Arbitraries.longs().between(1, 100).map(v -> new Discount(Discount.Kind.PERCENTAGE, v));
        Arbitrary<Discount> fixed =
                Arbitraries.longs().between(1, 100_000_000).map(v -> new Discount(Discount.Kind.FIXED, v));
        return Arbitraries.oneOf(percentage, fixed).optional(0.7);
    }

    @Provide
    Arbitrary<Long> shipping() {
        return Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 100_000));
    }
}
