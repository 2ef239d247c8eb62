package com.emporium.cart;

import com.emporium.catalog.CatalogOffers;
import com.emporium.catalog.CatalogOffers.Offer;
import com.emporium.inventory.StockAvailability;
import com.emporium.platform.problem.NotFound;
import com.emporium.pricing.Destination;
import com.emporium.pricing.PriceCalculator.QuotedLine;
import com.emporium.pricing.PricingService;
import com.emporium.pricing.PricingService.Priced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Cart use cases. Every write locks the cart, checks If-Match, changes it and answers the priced cart. */
@ApplicationScoped
@Transactional
public class CartService {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CartRepository carts;

    @Inject
    CatalogOffers catalog;

    @Inject
    StockAvailability stock;

    @Inject
    PricingService pricing;

    /** What checkout needs from a cart: its lines and coupon, read under the cart's row lock. */
    public record CheckoutCart(String id, String currency, Map<String, Integer> lines, Optional<String> coupon) {}

    public CartView create(CartAccess access) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Cart cart = new Cart(UUID.randomUUID().toString(), access.subject(), token, Instant.now());
        carts.add(cart);
        return view(cart, cart.owner().isEmpty() ? token : null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CartView get(String id, CartAccess access) {
        return view(visible(carts.find(id), id, access), null);
    }

    public CartView addLine(String id, CartAccess access, long version, LineRequest request) {
        Cart cart = forWrite(id, access, version);
        Offer offer = sellable(request.sku());
        cart.add(request.sku(), request.quantity(), offer.currency(), Instant.now());
        return written(cart);
    }

    public CartView changeLine(String id, CartAccess access, long version, String sku, LineUpdate update) {
        Cart cart = forWrite(id, access, version);
        cart.change(sku, update.quantity(), Instant.now());
        return written(cart);
    }

    public CartView removeLine(String id, CartAccess access, long version, String sku) {
        Cart cart = forWrite(id, access, version);
        cart.remove(sku, Instant.now());
        return written(cart);
    }

    public CartView update(String id, CartAccess access, long version, CartDetails details) {
        Cart cart = forWrite(id, access, version);
        cart.checkoutDetails(
                Optional.ofNullable(details.country()),
                Optional.ofNullable(details.region()),
                Optional.ofNullable(details.coupon()),
                Instant.now());
        return written(cart);
    }

    /**
     * Sign-in: the guest cart (proved by its token) joins the customer's open cart, quantities added
     * up and limits checked again; without an open cart the guest cart simply becomes the customer's.
     * The guest cart is gone afterwards, so its token opens nothing any more.
     */
    public CartView claim(String guestCartId, String guestToken, String customer) {
        Cart guest = visible(
                carts.lock(guestCartId), guestCartId, new CartAccess(Optional.empty(), Optional.of(guestToken)));
        Optional<Cart> own = carts.openCartOf(customer);
        if (own.isEmpty()) {
            Cart adopted = new Cart(UUID.randomUUID().toString(), Optional.of(customer), guest.token(), Instant.now());
            adopted.absorb(guest, Instant.now());
            carts.remove(guest);
            carts.add(adopted);
            return written(adopted);
        }
        Cart cart = carts.lock(own.get().id()).orElseThrow();
        cart.absorb(guest, Instant.now());
        carts.remove(guest);
        return written(cart);
    }

    /** Locks the cart for an order placement; an ordered cart cannot be ordered twice. */
    public CheckoutCart checkout(String id, CartAccess access) {
        Cart cart = visible(carts.lock(id), id, access);
        if (cart.status() != Cart.Status.OPEN) {
            throw new CartClosed(id);
        }
        Map<String, Integer> lines = cart.lines().stream()
                .collect(Collectors.toMap(
                        CartLine::sku, CartLine::quantity, Integer::sum, java.util.LinkedHashMap::new));
        return new CheckoutCart(id, cart.currency().orElse(null), lines, cart.coupon());
    }

    public void markOrdered(String id) {
        carts.lock(id).orElseThrow().ordered(Instant.now());
    }

    /** Deletes up to {@code limit} idle carts; see {@link CartRepository#deleteIdle}. */
    public int deleteIdle(long guestIdleSeconds, long customerIdleSeconds, int limit) {
        return carts.deleteIdle(guestIdleSeconds, customerIdleSeconds, limit);
    }

    /** Flushes first, so the answer carries the version the write produced. */
    private CartView written(Cart cart) {
        carts.flush();
        return view(cart, null);
    }

    private Cart forWrite(String id, CartAccess access, long version) {
        Cart cart = visible(carts.lock(id), id, access);
        cart.requireVersion(version);
        return cart;
    }

    /** A cart that is not the caller's answers exactly like one that does not exist. */
    private static Cart visible(Optional<Cart> cart, String id, CartAccess access) {
        return cart.filter(c -> c.accessibleBy(access))
                .orElseThrow(() -> new NotFound("Cart " + id + " does not exist."));
    }

    /** Only what the catalog sells publicly can be added; anything else is an unknown SKU. */
    private Offer sellable(String sku) {
        return Optional.ofNullable(catalog.offers(List.of(sku)).get(sku))
                .filter(Offer::sellable)
                .orElseThrow(() -> new NotFound("SKU '" + sku + "' does not exist."));
    }

    private CartView view(Cart cart, String token) {
        List<CartLine> lines = cart.lines();
        List<String> skus = lines.stream().map(CartLine::sku).toList();
        Map<String, Offer> offers = catalog.offers(skus);
        Map<String, Long> units = stock.unitsAvailable(skus);
        String currency = cart.currency().orElse(null);

        List<PricingService.Item> items = new ArrayList<>();
        Map<String, String> problems = new java.util.HashMap<>();
        for (CartLine line : lines) {
            Offer offer = offers.get(line.sku());
            if (offer == null || !offer.sellable() || !offer.currency().equals(currency)) {
                problems.put(line.sku(), "unavailable");
                continue;
            }
            if (units.getOrDefault(line.sku(), 0L) < line.quantity()) {
                problems.put(line.sku(), "insufficient-stock");
                continue;
            }
            items.add(new PricingService.Item(
                    line.sku(),
                    offer.name(),
                    line.quantity(),
                    offer.unitPrice(),
                    offer.taxClass(),
                    offer.weightGrams() == null ? 0 : offer.weightGrams(),
                    offer.categoryId()));
        }
        Destination destination =
                cart.country().map(c -> new Destination(c, cart.region())).orElse(pricing.defaultDestination());
        Priced priced = pricing.price(
                currency == null ? "EUR" : currency,
                items,
                destination,
                cart.coupon(),
                Optional.empty(),
                PricingService.Mode.PREVIEW);
        Map<String, QuotedLine> quoted =
                priced.quote().lines().stream().collect(Collectors.toMap(QuotedLine::sku, Function.identity()));

        List<CartView.Line> viewLines = new ArrayList<>();
        for (CartLine line : lines) {
            QuotedLine q = quoted.get(line.sku());
            Offer offer = offers.get(line.sku());
            boolean sellable = offer != null && offer.sellable();
            viewLines.add(
                    q != null
                            ? new CartView.Line(
                                    q.sku(),
                                    q.name(),
                                    q.quantity(),
                                    q.unitPrice(),
                                    q.amount(),
                                    q.discount(),
                                    q.tax(),
                                    q.taxRate(),
                                    true,
                                    null)
                            : new CartView.Line(
                                    line.sku(),
                                    sellable ? offer.name() : null,
                                    line.quantity(),
                                    sellable ? offer.unitPrice() : 0,
                                    0,
                                    0,
                                    0,
                                    null,
                                    false,
                                    problems.get(line.sku())));
        }
        return new CartView(
                cart.id(),
                cart.version(),
                cart.status().name(),
                currency,
                viewLines,
                priced.quote().subtotal(),
                priced.quote().discount(),
                priced.quote().tax(),
                priced.quote().total(),
                priced.quote().pricesIncludeTax(),
                priced.quote().taxes().stream()
                        .map(t -> new CartView.Tax(t.name(), t.basisPoints(), t.amount()))
                        .toList(),
                destination.country(),
                destination.region(),
                priced.shippingOptions(),
                priced.coupon()
                        .map(c -> new CartView.Coupon(
                                c.code(), c.applied(), c.reason().orElse(null)))
                        .orElse(null),
                priced.promotions().stream()
                        .map(p -> new CartView.Promotion(p.code(), p.name(), p.automatic(), p.amount()))
                        .toList(),
                token);
    }
}
