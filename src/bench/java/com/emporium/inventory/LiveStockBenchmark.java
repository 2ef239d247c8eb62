package com.emporium.inventory;

import com.emporium.testsupport.Tokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: prints commit-to-client latency of the live stock stream with 1 and with many
 * subscribers at about 10 changes per second, and the reservation throughput on one hot SKU.
 * docs/performance.md gives the commands. Latency is measured from the event's commit timestamp
 * (clock_timestamp() in the commit-time trigger) to the moment the client parsed it, on one machine.
 *
 * <p>System properties: benchmark.url (http://localhost:9080), benchmark.subscribers (1000),
 * benchmark.changes (200), benchmark.rate (10 per second), benchmark.buyers (16), benchmark.seconds (10).
 */
public final class LiveStockBenchmark {
    private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");
    private static final Pattern SKU = Pattern.compile("\"sku\":\"([^\"]+)\"");

    private final String url = System.getProperty("benchmark.url", "http://localhost:9080");
    private final String admin = Tokens.withRoles("admin");

    public static void main(String[] args) throws Exception {
        LiveStockBenchmark benchmark = new LiveStockBenchmark();
        int many = Integer.getInteger("benchmark.subscribers", 1000);
        int changes = Integer.getInteger("benchmark.changes", 200);
        int rate = Integer.getInteger("benchmark.rate", 10);
        benchmark.latency(1, changes, rate);
        benchmark.latency(many, changes, rate);
        benchmark.hotSku(Integer.getInteger("benchmark.buyers", 16), Integer.getInteger("benchmark.seconds", 10));
        System.exit(0);
    }

    private void latency(int subscribers, int changes, int perSecond) throws Exception {
        String sku = newSku();
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < subscribers; i++) {
                clients.add(SseClient.connect(url, "", null));
            }
            for (SseClient client : clients) {
                if (!client.awaitSubscribed(Duration.ofSeconds(60))) {
                    throw new IllegalStateException("A subscriber was not subscribed within 60 s");
                }
            }
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long next = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // pacing the load, not synchronisation
                }
                receive(sku, 1);
                next += intervalNanos;
            }
            List<Long> micros = new ArrayList<>();
            for (SseClient client : clients) {
                int got = 0;
                while (got < changes) {
                    SseClient.Event event = client.next(Duration.ofSeconds(30));
                    if (event == null) {
                        throw new IllegalStateException("A subscriber missed events: " + got + " of " + changes);
                    }
                    if (!"stock".equals(event.name()) || !sku.equals(match(SKU, event.data()))) {
                        continue;
                    }
                    got++;
                    Instant committed = Instant.parse(match(AT, event.data()));
                    micros.add(Duration.between(committed, event.receivedAt()).toNanos() / 1000);
                }
            }
            print(
                    "commit-to-client latency, " + subscribers + " subscriber(s), " + changes + " changes at "
                            + perSecond + "/s",
                    micros);
        } finally {
            clients.forEach(SseClient::close);
        }
    }

    private void hotSku(int buyers, int seconds) throws Exception {
        String sku = newSku();
        receive(sku, 1_000_000);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            tokens.add(Tokens.sign("bench-buyer-" + i, List.of("customer"), c -> c));
        }
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        AtomicLong failures = new AtomicLong();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> running = new ArrayList<>();
        for (String token : tokens) {
            running.add(pool.submit(() -> {
                Map<String, Object> body = Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1)));
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int status = RestAssured.given()
                            .baseUri(url)
                            .auth()
                            .oauth2(token)
                            .contentType("application/json")
                            .body(body)
                            .post("/api/v1/reservations")
                            .statusCode();
                    if (status == 201) {
                        micros.add((System.nanoTime() - start) / 1000);
                    } else {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(
                "hot-SKU reservations: %d buyers, %d s: %.0f reservations/s, %d failed%n",
                buyers, seconds, micros.size() / (double) seconds, failures.get());
        print("hot-SKU reservation request latency", micros);
    }

    private String newSku() {
        RequestSpecification as =
                RestAssured.given().baseUri(url).auth().oauth2(admin).contentType("application/json");
        String category = "bench-" + System.nanoTime();
        as.body(Map.of("slug", category, "name", "Benchmark"))
                .post("/api/v1/admin/categories")
                .then()
                .statusCode(201);
        String sku = "BENCH-" + System.nanoTime();
        RestAssured.given()
                .baseUri(url)
                .auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of(
                        "slug",
                        "p-" + System.nanoTime(),
                        "name",
                        "Benchmark product",
                        "description",
                        "",
                        "category",
                        category,
                        "currency",
                        "EUR",
                        "variants",
                        List.of(Map.of(
                                "sku", sku, "title", "Bench", "price", Map.of("amount", 100, "currency", "EUR")))))
                .post("/api/v1/admin/products")
                .then()
                .statusCode(201);
        return sku;
    }

    private void receive(String sku, int quantity) {
        RestAssured.given()
                .baseUri(url)
                .auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("quantity", quantity, "reason", "benchmark"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                .then()
                .statusCode(200);
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static void print(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf(
                "%s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                what,
                sorted.size(),
                at(sorted, 0.50) / 1000.0,
                at(sorted, 0.99) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
