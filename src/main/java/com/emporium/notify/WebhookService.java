package com.emporium.notify;

import com.emporium.platform.LogText;
import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Staff manage webhook endpoints, read their delivery log and send a delivery again. */
@ApplicationScoped
@Transactional
public class WebhookService {
    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());
    private static final int LOG_LIMIT = 100;

    @Inject
    WebhookRepository webhooks;

    @Inject
    @ConfigProperty(name = "emporium.embedded.enabled", defaultValue = "true")
    boolean embedded;

    @Inject
    @ConfigProperty(name = "emporium.webhooks.allow-loopback-http")
    Optional<Boolean> allowLoopbackHttp;

    @Inject
    @ConfigProperty(name = "emporium.webhooks.retry-hours", defaultValue = "24")
    long retryHours;

    /** The answer carries the secret; it is not shown again. */
    public WebhookView create(WebhookRequest request, String actor) {
        check(request);
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint =
                new WebhookEndpoint(request.url(), request.eventTypes(), request.description(), secret, Instant.now());
        if (Boolean.FALSE.equals(request.enabled())) {
            endpoint.change(request.url(), request.eventTypes(), request.description(), false);
        }
        webhooks.add(endpoint);
        LOG.info(() -> "Webhook endpoint " + endpoint.id() + " registered by " + LogText.escape(actor) + " for "
                + endpoint.eventTypes());
        return WebhookView.from(endpoint, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookView> list() {
        return webhooks.all().stream().map(e -> WebhookView.from(e, null)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(long id) {
        return WebhookView.from(endpoint(id), null);
    }

    public WebhookView replace(long id, WebhookRequest request) {
        check(request);
        WebhookEndpoint endpoint = webhooks.lock(id).orElseThrow(() -> missing(id));
        endpoint.change(
                request.url(), request.eventTypes(), request.description(), !Boolean.FALSE.equals(request.enabled()));
        return WebhookView.from(endpoint, null);
    }

    public void remove(long id) {
        webhooks.remove(webhooks.lock(id).orElseThrow(() -> missing(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDeliveryView> deliveries(long id) {
        endpoint(id);
        return webhooks.deliveries(id, LOG_LIMIT);
    }

    public void redeliver(long id, long deliveryId) {
        endpoint(id);
        if (!webhooks.redeliver(id, deliveryId, retryHours)) {
            throw new NotFound("No delivery " + deliveryId + " for webhook endpoint " + id + ".");
        }
    }

    private void check(WebhookRequest request) {
        WebhookUrlPolicy.of(allowLoopbackHttp.orElse(embedded)).check(request.url());
        for (String type : request.eventTypes()) {
            if (!WebhookQueue.EVENT_TYPES.contains(type)) {
                throw new InvalidRequest(
                        "Unknown event type " + type + "; webhooks can subscribe to " + WebhookQueue.EVENT_TYPES + ".");
            }
        }
    }

    private WebhookEndpoint endpoint(long id) {
        return webhooks.find(id).orElseThrow(() -> missing(id));
    }

    private static NotFound missing(long id) {
        return new NotFound("No webhook endpoint " + id + ".");
    }
}
