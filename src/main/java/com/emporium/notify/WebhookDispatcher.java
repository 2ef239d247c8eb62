package com.emporium.notify;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one due webhook delivery per transaction, signed per Standard Webhooks. A 2xx answer delivers
 * it; anything else is retried with exponential backoff and jitter until its retry window (24 hours by
 * default) is over, and then it is FAILED. The delivery row stays locked while its request is in flight,
 * so no two replicas send it at once. Redirects are not followed: they could lead to a private address.
 */
@ApplicationScoped
@Transactional
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    @Inject
    WebhookRepository webhooks;

    @Inject
    NotifyMetrics metrics;

    @Inject
    @ConfigProperty(name = "emporium.embedded.enabled", defaultValue = "true")
    boolean embedded;

    @Inject
    @ConfigProperty(name = "emporium.webhooks.allow-loopback-http")
    Optional<Boolean> allowLoopbackHttp;

    @Inject
    @ConfigProperty(name = "emporium.webhooks.retry-base-millis", defaultValue = "30000")
    long baseMillis;

    @Inject
    @ConfigProperty(name = "emporium.webhooks.retry-max-minutes", defaultValue = "360")
    long maxMinutes;

    @Inject
    @ConfigProperty(name = "emporium.webhooks.disable-after-failures", defaultValue = "50")
    int disableAfter;

    @Inject
    @ConfigProperty(name = "emporium.webhooks.timeout-seconds", defaultValue = "10")
    long timeoutSeconds;

    private HttpClient client;
    private WebhookUrlPolicy policy;

    @PostConstruct
    void init() {
        // HTTP/1.1: no h2c upgrade dance with receivers that speak only HTTP/1.1.
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(Math.min(timeoutSeconds, 5)))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        policy = WebhookUrlPolicy.of(allowLoopbackHttp.orElse(embedded));
    }

    static String messageId(long outboxId) {
        return "msg_" + outboxId;
    }

    /** Answers false when no delivery is due. */
    public boolean deliverNext() {
        Optional<WebhookRepository.Due> claimed = webhooks.claimDue();
        if (claimed.isEmpty()) {
            return false;
        }
        WebhookRepository.Due due = claimed.get();
        WebhookEndpoint endpoint = webhooks.find(due.endpointId()).orElseThrow();
        String id = messageId(due.outboxId());
        long timestamp = Instant.now().getEpochSecond();
        Integer status = null;
        String error = null;
        long started = System.nanoTime();
        try {
            String body = body(due);
            // Checked again at every attempt: the name may resolve elsewhere now than at registration.
            URI target = policy.check(endpoint.url());
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Emporium-Webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(endpoint.secret(), id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "answered " + status;
            }
        } catch (WebhookUrlRefused e) {
            error = e.getMessage();
        } catch (JsonException e) {
            // Recorded like a failed attempt, so one bad event cannot hold up the queue behind it.
            error = "the event's payload is not a JSON object";
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        webhooks.logAttempt(due.id(), status, millis, error);
        WebhookEndpoint locked = webhooks.lock(due.endpointId()).orElseThrow();
        if (error == null) {
            webhooks.delivered(due.id(), status);
            locked.succeeded();
            metrics.webhookAttempt("delivered");
            return true;
        }
        Instant now = Instant.now();
        if (!now.isBefore(due.retryUntil())) {
            webhooks.failed(due.id(), status, error);
            metrics.webhookAttempt("failed");
            LOG.warning(() -> "Webhook delivery " + due.id() + " to endpoint " + due.endpointId()
                    + " failed for good after " + (due.attempts() + 1) + " attempts.");
        } else {
            Instant next = now.plusMillis(backoff(due.attempts() + 1));
            webhooks.retryAt(due.id(), next.isAfter(due.retryUntil()) ? due.retryUntil() : next, status, error);
            metrics.webhookAttempt("retry");
        }
        if (locked.failed(disableAfter)) {
            metrics.endpointDisabled();
            LOG.warning(() -> "Webhook endpoint " + locked.id() + " disabled after " + locked.failureStreak()
                    + " failed attempts in a row; its deliveries wait until staff enable it again.");
        }
        return true;
    }

    /** Exponential from the base, capped, with up to 25 % jitter so retries of many events spread out. */
    long backoff(int attempts) {
        long cap = Duration.ofMinutes(maxMinutes).toMillis();
        long delay = Math.min(cap, baseMillis << Math.min(attempts - 1, 30));
        return delay + ThreadLocalRandom.current().nextLong(delay / 4 + 1);
    }

    /** The Standard Webhooks envelope: type, timestamp of the event, and its data. */
    private static String body(WebhookRepository.Due due) {
        JsonObject data;
        try (JsonReader reader = Json.createReader(new StringReader(due.payload()))) {
            data = reader.readObject();
        }
        return Json.createObjectBuilder()
                .add("type", due.eventType())
                .add("timestamp", due.eventCreatedAt().toString())
                .add("data", data)
                .build()
                .toString();
    }
}
