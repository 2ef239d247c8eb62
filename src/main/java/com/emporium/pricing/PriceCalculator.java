package com.emporium.pricing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order of operations, in minor units: line amounts, then the cart discount spread over the lines
 * (largest remainder, so the parts add up to the whole), then shipping, then tax per line on what the
 * line really costs, rounded half up per line (EU VAT practice). Shipping is taxed at the destination's
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

    public record TaxLine(String name, int basisPoints, long amount) {}

    public record Quote(
            List<QuotedLine> lines,
            long subtotal,
            long discount,
            long shipping,
            long tax,
            List<TaxLine> taxes,
            long total,
            boolean pricesIncludeTax) {}

    public static Quote quote(
            List<Item> items,
            Optional<Discount> discount,
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
        long off = discount.isPresent() ? discount.get().amountOff(subtotal) : 0;
        long[] shares = spread(items, subtotal, off);

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
        return new Quote(List.copyOf(lines), subtotal, off, shipping, tax, taxes, total, pricesIncludeTax);
    }

    static long taxOf(long amount, TaxRate rate, boolean inclusive) {
        if (rate.basisPoints() == 0 || amount == 0) {
            return 0;
        }
        long denominator = inclusive ? 10_000L + rate.basisPoints() : 10_000L;
        return Rounding.halfUp(amount, rate.basisPoints(), denominator);
    }

    /**
     * Splits {@code off} over the lines in proportion to their amounts. Each line first gets the floor
     * of its share; the units left over go one each to the lines with the largest remainders (earlier
     * lines first on a tie), so the shares always sum to {@code off} and no line gets more than it costs.
     */
    static long[] spread(List<Item> items, long subtotal, long off) {
        long[] shares = new long[items.size()];
        if (off == 0 || subtotal == 0) {
            return shares;
        }
        long[] remainders = new long[items.size()];
        long given = 0;
        for (int i = 0; i < items.size(); i++) {
            long amount = items.get(i).unitPrice() * items.get(i).quantity();
            var qr = BigInteger.valueOf(amount)
                    .multiply(BigInteger.valueOf(off))
                    .divideAndRemainder(BigInteger.valueOf(subtotal));
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
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
