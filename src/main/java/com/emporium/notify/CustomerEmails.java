package com.emporium.notify;

import com.emporium.orders.Address;
import com.emporium.orders.OrderService;
import com.emporium.orders.OrderView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which outbox events become an email to a customer, and with what content. The order confirmation is
 * sent when the order is paid (not when it is placed): only then does the shop promise to ship it.
 * Events without an email here (placed, fulfilled, delivered, cancelled) still go to webhooks.
 */
@ApplicationScoped
public class CustomerEmails {
    static final String PASSWORD_RESET = "account.password-reset";

    static final Map<String, String> TEMPLATES = Map.of(
            "order.paid",
            "order-confirmation",
            "payment.failed",
            "payment-failed",
            "order.shipped",
            "order-shipped",
            "order.refunded",
            "refund-issued",
            PASSWORD_RESET,
            "password-reset");

    public record Email(String to, MailTemplates.Rendered content) {}

    @Inject
    OrderService orders;

    @Inject
    MailTemplates templates;

    @Inject
    ShopIdentity shop;

    /**
     * In a transaction of its own: a failure here (an order that is gone, a payload that is not JSON)
     * must not mark the relay's transaction for rollback, or the row would never record its retry.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Email> emailFor(OutboxEvent event) {
        String template = TEMPLATES.get(event.type());
        if (template == null) {
            return Optional.empty();
        }
        JsonObject payload = parse(event.payload());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shop", Map.of("name", shop.name(), "address", shop.address(), "url", shop.url()));
        String to;
        if (PASSWORD_RESET.equals(event.type())) {
            to = payload.getString("email");
            model.put(
                    "reset",
                    Map.of(
                            "url", payload.getString("url"),
                            "minutes", payload.getInt("minutes")));
        } else {
            OrderView order = orders.detail(payload.getJsonNumber("orderId").longValue());
            to = order.email();
            model.put("order", orderModel(order));
            if (payload.containsKey("refundedAmount")) {
                model.put(
                        "refund",
                        Map.of(
                                "amount",
                                money(payload.getJsonNumber("refundedAmount").longValue(), order.currency())));
            }
        }
        return Optional.of(new Email(to, templates.render(template, model)));
    }

    private static Map<String, Object> orderModel(OrderView order) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", order.id());
        model.put("email", order.email());
        model.put("subtotal", money(order.subtotal(), order.currency()));
        model.put("discount", order.discount() > 0 ? money(order.discount(), order.currency()) : null);
        model.put("shipping", money(order.shipping(), order.currency()));
        model.put("tax", money(order.tax(), order.currency()));
        model.put("total", money(order.total(), order.currency()));
        model.put("shippingMethod", order.shippingMethod());
        List<Map<String, Object>> lines = order.lines().stream()
                .map(l -> Map.<String, Object>of(
                        "name", l.name(),
                        "sku", l.sku(),
                        "quantity", l.quantity(),
                        "amount", money(l.unitPrice() * l.quantity() - l.discount(), order.currency())))
                .toList();
        model.put("lines", lines);
        Address a = order.shippingAddress();
        if (a != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("name", a.name());
            address.put("line1", a.line1());
            address.put("line2", a.line2());
            address.put("city", a.city());
            address.put("postalCode", a.postalCode());
            address.put("country", a.country());
            model.put("address", address);
        }
        if (order.trackingNumber() != null) {
            model.put("tracking", Map.of("carrier", order.carrier(), "number", order.trackingNumber()));
        }
        return model;
    }

    /** "EUR 19.99", "JPY 500": minor units shown with the currency's own number of decimals. */
    static String money(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return currency + " " + BigDecimal.valueOf(minor, digits).toPlainString();
    }

    private static JsonObject parse(String payload) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }
}
