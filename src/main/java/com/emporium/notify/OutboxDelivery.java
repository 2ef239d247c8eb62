package com.emporium.notify;

import com.emporium.platform.LogText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers one outbox row per transaction: lock it, hand it to the webhook queue, send its email, mark it
 * delivered. The row lock is held while sending, so no other replica sends it at the same time; a crash
 * before the commit leaves the row pending and it is sent again (at least once, never lost).
 */
@ApplicationScoped
@Transactional
public class OutboxDelivery {
    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
    private static final long MAX_DELAY_MILLIS = Duration.ofMinutes(15).toMillis();

    @Inject
    OutboxRepository outbox;

    @Inject
    CustomerEmails emails;

    @Inject
    WebhookQueue webhooks;

    @Inject
    NotifyMetrics metrics;

    @Inject
    @ConfigProperty(name = "emporium.outbox.max-attempts", defaultValue = "20")
    int maxAttempts;

    /** Answers false when no row is due; a row's email goes out on {@code outgoing}. */
    public boolean deliverNext(MailSender.Outgoing outgoing) {
        Optional<OutboxEvent> claimed = outbox.claimNext();
        if (claimed.isEmpty()) {
            return false;
        }
        OutboxEvent event = claimed.get();
        try {
            webhooks.enqueue(event);
            emails.emailFor(event).ifPresent(email -> outgoing.send(email.to(), email.content()));
            outbox.markDelivered(event.id());
            if (CustomerEmails.PASSWORD_RESET.equals(event.type())) {
                outbox.redactPayload(event.id());
            }
            metrics.delivered(Duration.between(event.createdAt(), Instant.now()));
        } catch (RuntimeException e) {
            int attempts = event.attempts() + 1;
            // The text may come from the SMTP server: escaped, so it cannot forge log lines.
            String reason = LogText.escape(e.getClass().getSimpleName() + ": " + e.getMessage());
            if (attempts >= maxAttempts) {
                outbox.markFailed(event.id(), reason);
                metrics.failed();
                LOG.warning(() -> "Outbox event " + event.id() + " (" + event.type() + ") failed " + attempts
                        + " times and is given up: " + reason);
            } else {
                long delay = backoff(attempts);
                outbox.retryLater(event.id(), delay, reason);
                LOG.warning(() -> "Outbox event " + event.id() + " (" + event.type() + ") not delivered, attempt "
                        + attempts + "; next in " + delay + " ms: " + reason);
            }
        }
        return true;
    }

    /** Updates the pending gauges from the table, which every replica shares. */
    public void measurePending() {
        long[] pending = outbox.pendingAndOldestAge();
        metrics.pending(pending[0], pending[1]);
    }

    /** Exponential from one second, capped at 15 minutes, with up to 20 % jitter so replicas spread out. */
    static long backoff(int attempts) {
        long base = Math.min(MAX_DELAY_MILLIS, 1000L << Math.min(attempts - 1, 20));
        return base + ThreadLocalRandom.current().nextLong(base / 5 + 1);
    }
}
