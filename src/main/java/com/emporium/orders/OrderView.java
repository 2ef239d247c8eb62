package com.emporium.orders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An order as its customer and staff see it, amounts in minor units of {@code currency}. The access
 * token is only present in the answer to the placement: a guest keeps it to read and pay the order.
 * {@code history} is filled on detail reads.
 */
public record OrderView(
        long id,
        String state,
        String email,
        String currency,
        List<Line> lines,
        long subtotal,
        long discount,
        long shipping,
        long tax,
        long total,
        long pointsRedeemed,
        long pointsValue,
        long amountDue,
        boolean pricesIncludeTax,
        List<Tax> taxes,
        List<Promotion> promotions,
        String shippingMethod,
        Address shippingAddress,
        String carrier,
        String trackingNumber,
        Instant placedAt,
        Instant payBy,
        String accessToken,
        List<Step> history,
        Payment payment) {

    public record Line(
            String sku,
            String name,
            int quantity,
            long unitPrice,
            long discount,
            long tax,
            String taxRate,
            int fulfilled) {}

    public record Tax(String name, int basisPoints, long amount) {}

    /** A promotion the order got and what it took off ({@code code} is absent for automatic ones). */
    public record Promotion(String code, String name, boolean automatic, long amount) {}

    public record Step(String from, String to, String actor, String reason, Instant at) {}

    /**
     * A payment in progress at an asynchronous provider. {@code clientSecret} is only in the answer to the
     * customer's payment request: the storefront confirms the PaymentIntent with it through Stripe.js.
     */
    public record Payment(String provider, String intentId, String status, String clientSecret, String note) {}

    OrderView with(Payment value) {
        return new OrderView(
                id,
                state,
                email,
                currency,
                lines,
                subtotal,
                discount,
                shipping,
                tax,
                total,
                pointsRedeemed,
                pointsValue,
                amountDue,
                pricesIncludeTax,
                taxes,
                promotions,
                shippingMethod,
                shippingAddress,
                carrier,
                trackingNumber,
                placedAt,
                payBy,
                accessToken,
                history,
                value);
    }

    static OrderView from(CustomerOrder order, String accessToken, List<OrderTransition> history) {
        return new OrderView(
                order.id(),
                order.state().name(),
                order.email(),
                order.currency(),
                order.lines().stream()
                        .map(l -> new Line(
                                l.sku(),
                                l.name(),
                                l.quantity(),
                                l.unitPrice(),
                                l.discount(),
                                l.tax(),
                                l.taxRateName(),
                                l.fulfilled()))
                        .toList(),
                order.subtotal(),
                order.discount(),
                order.shipping(),
                order.tax(),
                order.total(),
                order.pointsRedeemed(),
                order.pointsValue(),
                order.amountDue(),
                order.pricesIncludeTax(),
                order.taxes().stream()
                        .map(t -> new Tax(t.name(), t.basisPoints(), t.amount()))
                        .toList(),
                order.promotions().stream()
                        .map(p -> new Promotion(p.code(), p.name(), p.automatic(), p.amount()))
                        .toList(),
                order.shippingMethod(),
                order.address(),
                order.carrier().orElse(null),
                order.trackingNumber().orElse(null),
                order.placedAt().truncatedTo(ChronoUnit.MILLIS),
                order.payBy().truncatedTo(ChronoUnit.MILLIS),
                accessToken,
                history == null
                        ? null
                        : history.stream()
                                .map(h -> new Step(
                                        h.from() == null ? null : h.from().name(),
                                        h.to().name(),
                                        h.actor(),
                                        h.reason(),
                                        h.occurredAt().truncatedTo(ChronoUnit.MILLIS)))
                                .toList(),
                null);
    }
}
