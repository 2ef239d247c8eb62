package com.emporium.cart;

import com.emporium.pricing.PricingService.ShippingOption;
import java.util.List;

/**
 * A cart as priced right now, in minor units of {@code currency}. The totals cover the available
 * lines; shipping is shown per method and added once the order names one. {@code promotions} are the
 * automatic promotion and the coupon that apply, with their share of {@code discount}. {@code token} is only
 * sent when a guest cart is created: it is the guest's key to the cart.
 */
public record CartView(
        String id,
        long version,
        String status,
        String currency,
        List<Line> lines,
        long subtotal,
        long discount,
        long tax,
        long total,
        boolean pricesIncludeTax,
        List<Tax> taxes,
        String country,
        String region,
        List<ShippingOption> shippingOptions,
        Coupon coupon,
        List<Promotion> promotions,
        String token) {

    /** The same cart without its token: in browser mode the token travels only in an HttpOnly cookie. */
    public CartView withoutToken() {
        return new CartView(
                id,
                version,
                status,
                currency,
                lines,
                subtotal,
                discount,
                tax,
                total,
                pricesIncludeTax,
                taxes,
                country,
                region,
                shippingOptions,
                coupon,
                promotions,
                null);
    }

    /** {@code problem} is "unavailable" (no longer sold) or "insufficient-stock"; such lines are not priced. */
    public record Line(
            String sku,
            String name,
            int quantity,
            long unitPrice,
            long amount,
            long discount,
            long tax,
            String taxRate,
            boolean available,
            String problem) {}

    public record Tax(String name, int basisPoints, long amount) {}

    public record Coupon(String code, boolean applied, String reason) {}

    /** A promotion applied to the cart and what it takes off; automatic ones have no code. */
    public record Promotion(String code, String name, boolean automatic, long amount) {}
}
