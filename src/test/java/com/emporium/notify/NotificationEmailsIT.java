package com.emporium.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.orders.CheckoutSupport;
import com.emporium.orders.CheckoutSupport.PlacedOrder;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.Eventually;
import com.emporium.testsupport.Mailbox;
import com.emporium.testsupport.Mailbox.Mail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay turns committed order events into customer emails, read back from the test server's SMTP
 * stand-in over IMAP. Both test replicas run the relay, so every count here also shows that no row is
 * sent twice.
 */
class NotificationEmailsIT {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private static String customer() {
        return "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@it.emporium.local";
    }

    @Test
    void payingAnOrderMailsTheConfirmationToItsCustomer() {
        String email = customer();
        PlacedOrder order = CheckoutSupport.placeOrder(email);
        CheckoutSupport.pay(order);

        Mail mail = Mailbox.await(email, 1, BOUND).get(0);
        assertThat(mail.to()).containsExactly(email);
        assertThat(mail.subject()).isEqualTo("IT Shop & Co: order " + order.id() + " confirmed");
        assertThat(mail.text())
                .contains("order " + order.id())
                .contains("1 x Checkout item")
                .contains(order.sku())
                .contains("Total paid: EUR ")
                .contains("Heidestraße 17")
                .contains("IT Shop & Co")
                .contains("7 Test Lane, 99999 Testville");
        // The HTML part escapes what it shows; the text part does not.
        assertThat(mail.html()).contains("IT Shop &amp; Co").contains("order <strong>" + order.id());
        assertThat(deliveredCount(order.id(), "order.paid")).isEqualTo(1);
    }

    @Test
    void placingAnOrderAloneSendsNoEmail() {
        String email = customer();
        PlacedOrder order = CheckoutSupport.placeOrder(email);
        Eventually.await(
                "the order.placed event is delivered", BOUND, () -> deliveredCount(order.id(), "order.placed") == 1);
        assertThat(Mailbox.of(email)).isEmpty();
    }

    @Test
    void shippingAnOrderMailsTheTrackingNumber() {
        String email = customer();
        PlacedOrder order = CheckoutSupport.placeOrder(email);
        CheckoutSupport.pay(order);
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of(
                        "carrier",
                        "DHL",
                        "trackingNumber",
                        "JJD0099887766",
                        "lines",
                        List.of(Map.of("sku", order.sku(), "quantity", 1))))
                .post("/api/v1/admin/orders/{id}/fulfillments", order.id())
                .then()
                .statusCode(200);
        Api.as("staff")
                .post("/api/v1/admin/orders/{id}/shipment", order.id())
                .then()
                .statusCode(200);

        List<Mail> mails = Mailbox.await(email, 2, BOUND);
        Mail shipped = mails.stream()
                .filter(m -> m.subject().contains("on its way"))
                .findFirst()
                .orElseThrow();
        assertThat(shipped.subject()).isEqualTo("IT Shop & Co: order " + order.id() + " is on its way");
        assertThat(shipped.text()).contains("Carrier: DHL").contains("Tracking number: JJD0099887766");
        assertThat(shipped.html()).contains("JJD0099887766");
        assertThat(mails).hasSize(2);
    }

    @Test
    void refundAndFailedPaymentEventsFromThePaymentsCodeAreMailed() {
        String email = customer();
        PlacedOrder order = CheckoutSupport.placeOrder(email);
        NotifyDatabase.insertOrderEvent(order.id(), "payment.failed", null);
        NotifyDatabase.insertOrderEvent(order.id(), "order.refunded", "\"refundedAmount\":1250");

        List<Mail> mails = Mailbox.await(email, 2, BOUND);
        Mail failed = mails.stream()
                .filter(m -> m.subject().contains("did not go through"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.text()).contains("order " + order.id()).contains("try again");
        // The refund template is overridden by the test servers' template directory.
        Mail refund = mails.stream()
                .filter(m -> m.subject().startsWith("Custom refund"))
                .findFirst()
                .orElseThrow();
        assertThat(refund.subject()).isEqualTo("Custom refund notice for order " + order.id());
        assertThat(refund.text()).contains("EUR 12.50");
        assertThat(refund.html()).contains("EUR 12.50");
    }

    @Test
    void manyEventsAreEachSentExactlyOnceAcrossBothReplicas() {
        String email = customer();
        PlacedOrder order = CheckoutSupport.placeOrder(email);
        int events = 12;
        for (int i = 0; i < events; i++) {
            NotifyDatabase.insertOrderEvent(order.id(), "payment.failed", null);
        }
        Eventually.await(
                "every payment.failed event delivered",
                BOUND,
                () -> deliveredCount(order.id(), "payment.failed") == events);
        assertThat(NotifyDatabase.queryLong(
                        "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = 'payment.failed'"
                                + " AND attempts = 1",
                        order.id()))
                .isEqualTo(events);
        assertThat(Mailbox.of(email)).hasSize(events);
    }

    @Test
    void anEventSentButNotMarkedIsSentAgain() {
        String email = customer();
        PlacedOrder order = CheckoutSupport.placeOrder(email);
        long id = NotifyDatabase.insertOrderEvent(order.id(), "payment.failed", null);
        Mailbox.await(email, 1, BOUND);
        Eventually.await(
                "marked delivered",
                BOUND,
                () -> NotifyDatabase.queryLong(
                                "SELECT count(*) FROM outbox WHERE id = ? AND delivered_at IS NOT NULL", id)
                        == 1);

        // What a crash between the SMTP answer and the commit leaves behind: sent, but not marked.
        NotifyDatabase.execute("UPDATE outbox SET delivered_at = NULL WHERE id = ?", id);
        NotifyDatabase.execute("NOTIFY emporium_signals, 'outbox:" + id + "'");

        assertThat(Mailbox.await(email, 2, BOUND)).hasSize(2);
    }

    @Test
    void anEventThatCannotBeMailedIsRetriedLaterAndHoldsUpNothing() {
        long broken = NotifyDatabase.insertOrderEvent(987_654_321L, "payment.failed", null);
        String email = customer();
        PlacedOrder order = CheckoutSupport.placeOrder(email);
        NotifyDatabase.insertOrderEvent(order.id(), "payment.failed", null);

        assertThat(Mailbox.await(email, 1, BOUND)).hasSize(1);
        Eventually.await(
                "the broken event records failed attempts",
                BOUND,
                () -> NotifyDatabase.queryLong(
                                "SELECT count(*) FROM outbox WHERE id = ? AND attempts >= 2 AND delivered_at IS NULL"
                                        + " AND last_error IS NOT NULL",
                                broken)
                        == 1);
        // Given up at once, as if it had reached the maximum attempts, so it does not linger in the gauges.
        NotifyDatabase.execute("UPDATE outbox SET failed_at = now() WHERE id = ?", broken);
    }

    static long deliveredCount(long orderId, String type) {
        return NotifyDatabase.queryLong(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ? AND delivered_at IS NOT NULL",
                orderId,
                type);
    }
}
