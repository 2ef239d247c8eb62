package com.emporium.orders;

import com.emporium.cart.CartAccess;
import com.emporium.cart.CartService;
import com.emporium.cart.CartService.CheckoutCart;
import com.emporium.catalog.CatalogOffers;
import com.emporium.catalog.CatalogOffers.Offer;
import com.emporium.flags.Flag;
import com.emporium.flags.RequestFlagContext;
import com.emporium.inventory.ReservationRequest;
import com.emporium.inventory.ReservationService;
import com.emporium.inventory.StockAvailability;
import com.emporium.loyalty.LoyaltyService;
import com.emporium.platform.paging.Page;
import com.emporium.platform.problem.NotFound;
import com.emporium.pricing.Destination;
import com.emporium.pricing.PriceCalculator.Quote;
import com.emporium.pricing.PricingService;
import com.emporium.pricing.PricingService.Priced;
import dev.openfeature.sdk.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Order use cases. Placement is one transaction: claim the idempotency key, lock the cart, price it
 * strictly, count the coupon, hold the stock, write the order, its first history entry and its outbox
 * event, close the cart and store the answer for retries. Any failure rolls all of it back.
 */
@ApplicationScoped
@Transactional
public class OrderService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    OrderRepository orders;

    @Inject
    PaymentRepository payments;

    @Inject
    Client flags;

    @Inject
    RequestFlagContext flagContext;

    @Inject
    CartService carts;

    @Inject
    CatalogOffers catalog;

    @Inject
    StockAvailability stock;

    @Inject
    ReservationService reservations;

    @Inject
    PricingService pricing;

    @Inject
    LoyaltyService loyalty;

    @Inject
    Instance<PaymentGateway> gateways;

    @Inject
    PaymentStartupCheck paymentSettings;

    @Inject
    Event<OrderMetrics.Placed> placedEvents;

    @Inject
    Event<OrderMetrics.Paid> paidEvents;

    @Inject
    Event<OrderMetrics.Cancelled> cancelledEvents;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "emporium.inventory.hold-minutes", defaultValue = "15")
    long holdMinutes;

    /** The answer to a placement, as first given: a retry with the same key gets it byte for byte. */
    public record Placement(int status, long orderId, String body) {}

    /** The event written to the outbox. */
    public record OrderEvent(String type, long orderId, String state, long total, String currency, Instant at) {}

    public Placement place(OrderAccess access, String key, PlaceOrder request) {
        long started = System.nanoTime();
        if (access.subject().isEmpty() && !guestCheckoutEnabled()) {
            throw new OrderProblems.GuestCheckoutDisabled();
        }
        String scope = access.subject().orElse("guest");
        String hash = requestHash(request, access);
        if (!orders.claimKey(scope, key, hash)) {
            OrderRepository.StoredAnswer stored =
                    orders.storedAnswer(scope, key).orElseThrow();
            if (!stored.requestHash().equals(hash)) {
                throw new OrderProblems.KeyReused();
            }
            long orderId;
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(stored.body()))) {
                orderId = reader.readObject().getJsonNumber("id").longValueExact();
            }
            return new Placement(stored.status(), orderId, stored.body());
        }

        CheckoutCart cart = carts.checkout(request.cartId(), new CartAccess(access.subject(), access.cartToken()));
        if (cart.lines().isEmpty()) {
            throw new OrderProblems.CartEmpty(cart.id());
        }
        Map<String, Offer> offers = catalog.offers(cart.lines().keySet());
        List<String> unavailable = cart.lines().keySet().stream()
                .filter(sku -> !offers.containsKey(sku)
                        || !offers.get(sku).sellable()
                        || !offers.get(sku).currency().equals(cart.currency()))
                .toList();
        if (!unavailable.isEmpty()) {
            throw new OrderProblems.ItemsUnavailable(unavailable);
        }
        // A first look names every short SKU at once; the holds below decide under the row locks.
        Map<String, Long> units = stock.unitsAvailable(cart.lines().keySet());
        List<String> short_ = cart.lines().entrySet().stream()
                .filter(l -> units.getOrDefault(l.getKey(), 0L) < l.getValue())
                .map(Map.Entry::getKey)
                .toList();
        if (!short_.isEmpty()) {
            throw new OrderProblems.OutOfStock(short_);
        }

        List<PricingService.Item> items = cart.lines().entrySet().stream()
                .map(l -> {
                    Offer o = offers.get(l.getKey());
                    return new PricingService.Item(
                            o.sku(),
                            o.name(),
                            l.getValue(),
                            o.unitPrice(),
                            o.taxClass(),
                            o.weightGrams() == null ? 0 : o.weightGrams(),
                            o.categoryId());
                })
                .toList();
        Address address = request.shippingAddress();
        String customer = access.subject()
                .map(s -> "account:" + s)
                .orElse("email:" + request.email().toLowerCase(java.util.Locale.ROOT));
        Priced priced = pricing.checkout(
                cart.currency(),
                items,
                new Destination(address.country(), address.region()),
                cart.coupon(),
                request.shippingMethod(),
                customer);
        LoyaltyService.Redemption redemption = loyalty.price(
                access.subject(),
                cart.currency(),
                request.pointsToRedeem(),
                priced.quote().total());

        long reservationId;
        try {
            reservationId = reservations
                    .reserve(
                            "order:" + UUID.randomUUID(),
                            new ReservationRequest(cart.lines().entrySet().stream()
                                    .map(l -> new ReservationRequest.Line(l.getKey(), l.getValue()))
                                    .toList()))
                    .id();
        } catch (com.emporium.inventory.OutOfStock e) {
            throw new OrderProblems.OutOfStock(List.of(skuOf(e.getMessage())));
        }

        Instant now = Instant.now();
        String accessToken = token();
        Quote quote = priced.quote();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < quote.lines().size(); i++) {
            var l = quote.lines().get(i);
            lines.add(new OrderLine(
                    i, l.sku(), l.name(), l.quantity(), l.unitPrice(), l.discount(), l.tax(), l.taxRate()));
        }
        CustomerOrder order = new CustomerOrder(
                access.subject(),
                request.email(),
                accessToken,
                cart.id(),
                reservationId,
                cart.currency(),
                new CustomerOrder.Totals(
                        quote.subtotal(),
                        quote.discount(),
                        quote.shipping(),
                        quote.tax(),
                        quote.total(),
                        quote.pricesIncludeTax()),
                lines,
                quote.taxes().stream()
                        .map(t -> new OrderTax(t.name(), t.basisPoints(), t.amount()))
                        .toList(),
                priced.couponPromotionId(),
                priced.promotions().stream()
                        .map(p -> new OrderPromotion(p.id(), p.code(), p.name(), p.automatic(), p.amount()))
                        .toList(),
                request.shippingMethod(),
                address,
                now,
                now.plus(Duration.ofMinutes(holdMinutes)));
        order.redeemPoints(redemption.points(), redemption.value());
        orders.add(order);
        // Under the account's lock: of two checkouts spending the same points, the second sees the first's hold.
        access.subject().ifPresent(account -> loyalty.hold(account, order.id(), redemption.points()));
        orders.record(order.placed(access.actor(), now));
        announce(order, "order.placed", now);
        carts.markOrdered(cart.id());

        String body = JSON.toJson(OrderView.from(order, accessToken, null));
        orders.storeAnswer(scope, key, 201, body);
        placedEvents.fire(new OrderMetrics.Placed(order.id()));
        metrics.timer(OrderMetrics.PLACEMENT).update(Duration.ofNanos(System.nanoTime() - started));
        return new Placement(201, order.id(), body);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderView get(long id, OrderAccess access) {
        CustomerOrder order = visible(orders.find(id), id, access);
        return OrderView.from(order, null, orders.history(id));
    }

    /**
     * Pays through the named provider. The order row lock serialises payments of one order, so a
     * payment reported twice finds the order PAID and is refused: the hold is sold exactly once.
     */
    public OrderView pay(long id, OrderAccess access, PaymentRequest request) {
        CustomerOrder order = visible(orders.lock(id), id, access);
        PaymentGateway gateway = gateway(request.provider());
        if (order.state() != OrderState.PENDING_PAYMENT) {
            throw new InvalidTransition(id, order.state(), OrderState.PAID);
        }
        PaymentGateway.Authorisation result =
                gateway.authorise(id, order.amountDue(), order.currency(), request.instruction());
        if (!result.approved()) {
            throw new PaymentDeclined(result.declineReason());
        }
        settlePaid(order, gateway.provider(), result.reference(), access.actor());
        return OrderView.from(order, null, orders.history(id));
    }

    /** What a payment needs to know of an order its caller may pay now. */
    public record Payable(long orderId, long total, String currency) {}

    /** The order if {@code access} may see it and it still awaits payment; 404 or 409 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Payable payable(long id, OrderAccess access) {
        CustomerOrder order = visible(orders.find(id), id, access);
        if (order.state() != OrderState.PENDING_PAYMENT) {
            throw new InvalidTransition(id, order.state(), OrderState.PAID);
        }
        return new Payable(id, order.amountDue(), order.currency());
    }

    /**
     * The one way an order becomes PAID, for every provider: the caller holds the order's row lock, so
     * the held units become a sale exactly once however many confirmations arrive.
     */
    void settlePaid(CustomerOrder order, String provider, String reference, String actor) {
        Instant now = Instant.now();
        orders.record(order.transitionTo(OrderState.PAID, actor, "paid with " + provider + " " + reference, now));
        reservations.sell(order.reservationId(), actor, "order " + order.id());
        loyalty.confirm(order.id());
        loyalty.earn(order.id(), order.owner(), order.currency(), order.netForPoints(), now);
        announce(order, "order.paid", now);
        paidEvents.fire(new OrderMetrics.Paid(order.id(), order.currency(), order.total()));
        orders.flush();
    }

    Optional<CustomerOrder> lock(long id) {
        return orders.lock(id);
    }

    OrderView view(CustomerOrder order, OrderView.Payment payment) {
        return OrderView.from(order, null, orders.history(order.id())).with(payment);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrderView> mine(String subject, Optional<Long> before, int limit) {
        List<CustomerOrder> page = orders.ofOwner(subject, before, limit + 1);
        return page(page, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrderView> search(OrderRepository.Filter filter, Optional<Long> before, int limit) {
        return page(orders.search(filter, before, limit + 1), limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderView detail(long id) {
        CustomerOrder order = orders.find(id).orElseThrow(() -> missing(id));
        return OrderView.from(order, null, orders.history(id))
                .with(payments.ofOrder(id, StripeGateway.NAME)
                        .map(p -> PaymentService.view(p, null))
                        .orElse(null));
    }

    public OrderView fulfil(long id, Fulfilment fulfilment, String actor) {
        CustomerOrder order = orders.lock(id).orElseThrow(() -> missing(id));
        Map<String, Integer> units = new java.util.HashMap<>();
        fulfilment.lines().forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum));
        Instant now = Instant.now();
        orders.record(order.fulfil(units, fulfilment.carrier(), fulfilment.trackingNumber(), actor, now));
        announce(order, "order.fulfilled", now);
        orders.flush();
        return OrderView.from(order, null, orders.history(id));
    }

    /** Adds an internal note to an order; answers every note of it, oldest first. */
    public List<OrderNote.View> addNote(long id, OrderNote note, String actor) {
        orders.find(id).orElseThrow(() -> missing(id));
        orders.addNote(id, actor, note.text());
        return orders.notes(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrderNote.View> notes(long id) {
        orders.find(id).orElseThrow(() -> missing(id));
        return orders.notes(id);
    }

    public OrderView ship(long id, String actor) {
        return step(id, OrderState.SHIPPED, actor, "handed to carrier", "order.shipped");
    }

    public OrderView deliver(long id, String actor) {
        return step(id, OrderState.DELIVERED, actor, "delivered", "order.delivered");
    }

    /** Cancels an unpaid order and gives its held units back. */
    public OrderView cancel(long id, String reason, String actor) {
        CustomerOrder order = orders.lock(id).orElseThrow(() -> missing(id));
        cancel(order, reason, actor);
        orders.flush();
        return OrderView.from(order, null, orders.history(id));
    }

    /** Cancels up to {@code limit} orders left unpaid past their hold time; returns how many. */
    public int cancelUnpaidDue(int limit) {
        List<Long> due = orders.claimUnpaidDue(limit);
        for (long id : due) {
            cancel(orders.find(id).orElseThrow(), "not paid within the hold time", "system");
        }
        return due.size();
    }

    public int forgetOldKeys(long olderThanSeconds) {
        return orders.forgetKeysOlderThan(olderThanSeconds);
    }

    private void cancel(CustomerOrder order, String reason, String actor) {
        Instant now = Instant.now();
        orders.record(order.transitionTo(OrderState.CANCELLED, actor, reason, now));
        reservations.releaseHold(order.reservationId());
        loyalty.release(order.id(), reason);
        announce(order, "order.cancelled", now);
        cancelledEvents.fire(new OrderMetrics.Cancelled(order.id()));
    }

    private OrderView step(long id, OrderState next, String actor, String reason, String event) {
        CustomerOrder order = orders.lock(id).orElseThrow(() -> missing(id));
        Instant now = Instant.now();
        orders.record(order.transitionTo(next, actor, reason, now));
        announce(order, event, now);
        orders.flush();
        return OrderView.from(order, null, orders.history(id));
    }

    void announce(CustomerOrder order, String type, Instant at) {
        orders.announce(
                order.id(),
                type,
                JSON.toJson(
                        new OrderEvent(type, order.id(), order.state().name(), order.total(), order.currency(), at)));
    }

    private PaymentGateway gateway(String provider) {
        return gateways.stream()
                .filter(g -> g.provider().equals(provider))
                .filter(g -> !TestPaymentGateway.NAME.equals(g.provider()) || paymentSettings.testProviderEnabled())
                .findFirst()
                .orElseThrow(() -> new UnknownPaymentProvider(provider));
    }

    private Page<OrderView> page(List<CustomerOrder> found, int limit) {
        List<OrderView> items = found.stream()
                .limit(limit)
                .map(o -> OrderView.from(o, null, null))
                .toList();
        Optional<String> next = found.size() > limit
                ? Optional.of(Long.toString(items.get(items.size() - 1).id()))
                : Optional.empty();
        return new Page<>(items, next);
    }

    /** Someone else's order and a missing one look the same. */
    private static CustomerOrder visible(Optional<CustomerOrder> order, long id, OrderAccess access) {
        return order.filter(o -> access.subject().filter(o::ownedBy).isPresent()
                        || access.orderToken().filter(o::openedBy).isPresent())
                .orElseThrow(() -> missing(id));
    }

    private static NotFound missing(long id) {
        return new NotFound("Order " + id + " does not exist.");
    }

    /**
     * The request as the server understood it (re-serialised, so formatting does not matter), plus the
     * guest's cart token: another guest replaying someone's key and body gets 422, not their order.
     */
    private boolean guestCheckoutEnabled() {
        Flag flag = Flag.GUEST_CHECKOUT;
        return flags.getBooleanValue(flag.key(), flag.fallback(), flagContext.current());
    }

    private static String requestHash(PlaceOrder request, OrderAccess access) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(JSON.toJson(request).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(access.cartToken().orElse("").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String skuOf(String detail) {
        int start = detail.indexOf('\'');
        int end = detail.indexOf('\'', start + 1);
        return start >= 0 && end > start ? detail.substring(start + 1, end) : "?";
    }
}
