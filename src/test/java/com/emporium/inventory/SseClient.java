package com.emporium.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A minimal EventSource for tests and the benchmark: parses the stream into events on a queue. */
public final class SseClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A received event and the moment it was parsed. */
    public record Event(String id, String name, String data, java.time.Instant receivedAt) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final HttpResponse<InputStream> response;
    private volatile boolean closed;
    private volatile String retry;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to {@code baseUrl}/api/v1/inventory/stream{query}, optionally resuming after an event id. */
    public static SseClient connect(String baseUrl, String query, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/inventory/stream" + query))
                .header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw new IllegalStateException("Stream answered " + response.statusCode() + ": " + body);
            }
            return new SseClient(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The last {@code retry:} field the server sent, or null before any. */
    public String retry() {
        return retry;
    }

    /** True once the server's "subscribed" comment arrived: from then on, every committed change is sent. */
    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event, or null after the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Exactly {@code count} events, failing if they do not all arrive within the timeout. */
    public List<Event> take(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> taken = new ArrayList<>();
        while (taken.size() < count) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("Only " + taken.size() + " of " + count + " events arrived: " + taken);
            }
            taken.add(event);
        }
        return taken;
    }

    @Override
    public void close() {
        closed = true;
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing a broken stream
        }
    }

    private void read() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(
                                id, name == null ? "message" : name, data.toString(), java.time.Instant.now()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    if (line.substring(1).trim().equals("subscribed")) {
                        subscribed.countDown();
                    }
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "retry" -> retry = value;
                        case "data" ->
                            data = data == null
                                    ? new StringBuilder(value)
                                    : data.append('\n').append(value);
                        default -> {}
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                events.add(new Event(null, "error", e.toString(), java.time.Instant.now()));
            }
        }
    }
}
