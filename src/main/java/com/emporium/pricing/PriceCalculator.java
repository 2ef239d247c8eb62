package com.emporium.pricing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of operations, in minor units: line amounts, then each reduction in turn on the lines it
 * covers, taken from what those lines still cost and spread over them (largest remainder, so the parts
 * add up to the whole), then shipping, then tax per line on what the line really costs, rounded half up
 * per line (EU VAT practice). Shipping is taxed at the destination's
 * standard rate. With tax-inclusive prices the tax is the part already inside each amount; with
 * tax-exclusive prices it is added on top.
 */
public final class PriceCalculator {
    private PriceCalculator() {}

    /** One cart or order line as priced: the catalog's unit price and the rate for its tax class. */
    public record Item(String sku, String name, int quantity, long unitPrice, TaxRate rate) {
        public Item {
            if (quantity <= 0 || unitPrice < 0) {
                throw new IllegalArgumentException("quantity must be positive and unit price not negative");
            }
        }
    }

    public record QuotedLine(
            String sku,
            String name,
            int quantity,
            long unitPrice,
            long amount,
            long discount,
            long tax,
            String taxRate) {
        /** What the line costs after its share of the discount. */
        public long net() {
            return amount - discount;
        }
    }

    /**
     * A discount and the lines it covers: every line, or the lines whose SKU is in {@code skus}. The
     * caller decides which SKUs a category covers; the arithmetic only sees lines.
     */
    public record Reduction(Discount discount, boolean wholeCart, Set<String> skus) {
        public Reduction {
            skus = Set.copyOf(skus);
        }

        public static Reduction wholeCart(Discount discount) {
            return new Reduction(discount, true, Set.of());
        }

        public static Reduction onSkus(Discount discount, Set<String> skus) {
            return new Reduction(discount, false, skus);
        }

        boolean covers(Item item) {
            return wholeCart || skus.contains(item.sku());
        }
    }

    public record TaxLine(String name, int basisPoints, long amount) {}

    public record Quote(
            List<QuotedLine> lines,
            long subtotal,
            long discount,
            long shipping,
            long tax,
            List<TaxLine> taxes,
            long total,
            boolean pricesIncludeTax,
            List<Long> reductions) {}

    public static Quote quote(
            List<Item> items,
            List<Reduction> reductions,
            long shipping,
            TaxRate shippingRate,
            boolean pricesIncludeTax) {
        if (shipping < 0) {
            throw new IllegalArgumentException("shipping must not be negative");
        }
        long subtotal = 0;
        for (Item item : items) {
            subtotal = Math.addExact(subtotal, Math.multiplyExact(item.unitPrice(), item.quantity()));
        }
        // Each reduction works on what its lines still cost after the ones before it, so together they
        // never take a line below zero.
        long[] remaining = new long[items.size()];
        for (int i = 0; i < items.size(); i++) {
            remaining[i] = items.get(i).unitPrice() * items.get(i).quantity();
        }
        long[] shares = new long[items.size()];
        long off = 0;
        List<Long> taken = new ArrayList<>();
        for (Reduction reduction : reductions) {
            long[] base = new long[items.size()];
            long eligible = 0;
            for (int i = 0; i < items.size(); i++) {
                if (reduction.covers(items.get(i))) {
                    base[i] = remaining[i];
                    eligible += remaining[i];
                }
            }
            long amount = reduction.discount().amountOff(eligible);
            long[] part = spread(base, amount);
            for (int i = 0; i < items.size(); i++) {
                shares[i] += part[i];
                remaining[i] -= part[i];
            }
            off += amount;
            taken.add(amount);
        }

        List<QuotedLine> lines = new ArrayList<>();
        Map<String, long[]> byRate = new LinkedHashMap<>();
        Map<String, Integer> points = new LinkedHashMap<>();
        long tax = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            long amount = item.unitPrice() * item.quantity();
            long lineTax = taxOf(amount - shares[i], item.rate(), pricesIncludeTax);
            tax += lineTax;
            byRate.computeIfAbsent(item.rate().name(), k -> new long[1])[0] += lineTax;
            points.putIfAbsent(item.rate().name(), item.rate().basisPoints());
            lines.add(new QuotedLine(
                    item.sku(),
                    item.name(),
                    item.quantity(),
                    item.unitPrice(),
                    amount,
                    shares[i],
                    lineTax,
                    item.rate().name()));
        }
        long shippingTax = taxOf(shipping, shippingRate, pricesIncludeTax);
        if (shipping > 0) {
            tax += shippingTax;
            byRate.computeIfAbsent(shippingRate.name(), k -> new long[1])[0] += shippingTax;
            points.putIfAbsent(shippingRate.name(), shippingRate.basisPoints());
        }
        List<TaxLine> taxes = byRate.entrySet().stream()
                .map(e -> new TaxLine(e.getKey(), points.get(e.getKey()), e.getValue()[0]))
                .toList();
        long total = Math.addExact(subtotal - off, shipping);
        if (!pricesIncludeTax) {
            total = Math.addExact(total, tax);
        }
        return new Quote(
                List.copyOf(lines), subtotal, off, shipping, tax, taxes, total, pricesIncludeTax, List.copyOf(taken));
    }

    static long taxOf(long amount, TaxRate rate, boolean inclusive) {
        if (rate.basisPoints() == 0 || amount == 0) {
            return 0;
        }
        long denominator = inclusive ? 10_000L + rate.basisPoints() : 10_000L;
        return Rounding.halfUp(amount, rate.basisPoints(), denominator);
    }

    /**
     * Splits {@code off} (at most the sum of {@code amounts}) in proportion to the amounts; a line not
     * covered has amount 0 and gets nothing. Each line first gets the floor of its share; the units left
     * over go one each to the lines with the largest remainders (earlier lines first on a tie), so the
     * shares always sum to {@code off} and no line gets more than its amount.
     */
    static long[] spread(long[] amounts, long off) {
        long[] shares = new long[amounts.length];
        long subtotal = 0;
        for (long amount : amounts) {
            subtotal = Math.addExact(subtotal, amount);
        }
        if (off == 0 || subtotal == 0) {
            return shares;
        }
        long[] remainders = new long[amounts.length];
        long given = 0;
        for (int i = 0; i < amounts.length; i++) {
            long amount = amounts[i];
            var qr = BigInteger.valueOf(amount)
                    .multiply(BigInteger.valueOf(off))
                    .divideAndRemainder(BigInteger.valueOf(subtotal));
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            order.add(i);
        }
        order.sort(
                Comparator.<Integer>comparingLong(i -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; given < off; k++) {
            shares[order.get(k)]++;
            given++;
        }
        return shares;
    }
}
