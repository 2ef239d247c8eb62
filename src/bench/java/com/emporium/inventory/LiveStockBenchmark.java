package com.emporium.inventory;

import com.emporium.testsupport.Tokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * benchmark.changes (200), benchmark.rate (10 per second), benchmark.reconnect-every (10: every tenth of
 * the many subscribers resumes halfway; 0 for none), benchmark.server-pid (the server JVM, to report its
 * CPU), benchmark.buyers (16), benchmark.seconds (10).
 */
public final class LiveStockBenchmark {
    private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");
    private static final Pattern SKU = Pattern.compile("\"sku\":\"([^\"]+)\"");

    private final String url = System.getProperty("benchmark.url", "http://localhost:9080");
    private final String admin = Tokens.withRoles("admin");
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The server JVM's process id, to report its CPU beside the benchmark's own; 0 when not given. */
    private final long serverPid = Long.getLong("benchmark.server-pid", 0);

    private long emptyHeapKb = -1;

    public static void main(String[] args) throws Exception {
        LiveStockBenchmark benchmark = new LiveStockBenchmark();
        int many = Integer.getInteger("benchmark.subscribers", 1000);
        int changes = Integer.getInteger("benchmark.changes", 200);
        int rate = Integer.getInteger("benchmark.rate", 10);
        int reconnectEvery = Integer.getInteger("benchmark.reconnect-every", 10);
        benchmark.latency(1, changes, rate, 0);
        benchmark.latency(many, changes, rate, reconnectEvery);
        benchmark.hotSku(Integer.getInteger("benchmark.buyers", 16), Integer.getInteger("benchmark.seconds", 10));
        System.exit(0);
    }

    /**
     * One run: opens the subscribers, waits until all are subscribed, makes {@code changes} receipts at
     * {@code perSecond}, and waits until every subscriber has every change. With {@code reconnectEvery}
     * above zero, every such subscriber drops its connection halfway, misses a change, and resumes with
     * Last-Event-ID; what
     * it receives as replay counts for completeness but not for latency.
     */
    private void latency(int subscribers, int changes, int perSecond, int reconnectEvery) throws Exception {
        String sku = newSku();
        try (StreamSubscribers clients = new StreamSubscribers(url, sku)) {
            clients.open(subscribers);
            awaitCondition("all subscribers to be subscribed", () -> clients.subscribed() == subscribers, clients);
            String heap = serverPid > 0 ? heapAfterGc() : "";
            Cpu cpu = Cpu.start(serverPid);
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long next = System.nanoTime();
            int reconnected = 0;
            for (int i = 0; i < changes; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // pacing the load, not synchronisation
                }
                boolean reconnecting = reconnectEvery > 0 && i == changes / 2;
                if (reconnecting) {
                    reconnected = clients.disconnectEvery(reconnectEvery);
                }
                receive(sku, 1);
                if (reconnecting) {
                    clients.resume();
                }
                next += intervalNanos;
            }
            long expected = (long) subscribers * changes;
            // A subscriber the server found behind gets only the newest event of the SKU for what it was behind
            // on, so "every change" may never come: wait until none arrives for 10 s, then judge.
            awaitSettled(() -> clients.received() >= expected, clients);
            cpu.stop();
            List<StreamSubscribers.Subscriber> results = clients.stop();

            List<Long> micros = new ArrayList<>(Math.toIntExact(expected));
            long finalId = results.stream()
                    .filter(s -> s.count > 0)
                    .mapToLong(s -> s.samples[2 * (s.count - 1)])
                    .max()
                    .orElse(-1);
            int incomplete = 0;
            int coalesced = 0;
            long skipped = 0;
            int disordered = 0;
            long replayed = 0;
            List<String> examples = new ArrayList<>();
            for (StreamSubscribers.Subscriber s : results) {
                if (s.count == 0 || s.samples[2 * (s.count - 1)] != finalId || s.count > changes) {
                    incomplete++;
                    if (examples.size() < 5) {
                        examples.add(s.count + " events, last id "
                                + (s.count == 0 ? "none" : Long.toString(s.samples[2 * (s.count - 1)]))
                                + ", " + s.reconnects + " reconnect(s), " + s.replayed + " replayed");
                    }
                } else if (s.count < changes) {
                    coalesced++;
                    skipped += changes - s.count;
                }
                if (s.outOfOrder) {
                    disordered++;
                }
                replayed += s.replayed;
                for (int i = 0; i < s.count; i++) {
                    long arrived = s.samples[2 * i + 1];
                    if (arrived > 0) {
                        micros.add(arrived - clients.committedAt(s.samples[2 * i]));
                    }
                }
            }
            if (incomplete > 0 || disordered > 0 || clients.failures() > 0) {
                throw new IllegalStateException(
                        incomplete + " subscriber(s) missed the last change or repeated events, " + disordered
                                + " saw ids out of order, " + clients.failures() + " connection failure(s) (first: "
                                + clients.firstFailure() + "); final id " + finalId + "; for example: " + examples);
            }
            print(
                    "commit-to-client latency, " + subscribers + " subscriber(s), " + changes + " changes at "
                            + perSecond + "/s" + (reconnected > 0 ? ", " + reconnected + " resumed halfway" : ""),
                    micros);
            System.out.printf(
                    "  every subscriber received the last change, all in order (%d as replay after resuming); %d"
                            + " subscriber(s) were behind and had %d superseded changes coalesced; %s%n",
                    replayed, coalesced, skipped, cpu);
            if (!heap.isEmpty()) {
                System.out.printf("  server heap after GC: %s%n", heap);
            }
        }
    }

    /** Waits until the condition holds or nothing has arrived for 10 s. */
    private static void awaitSettled(java.util.function.BooleanSupplier condition, StreamSubscribers clients)
            throws InterruptedException {
        long progress = -1;
        long deadline = 0;
        while (!condition.getAsBoolean()) {
            long now = System.nanoTime();
            if (clients.received() != progress) {
                progress = clients.received();
                deadline = now + TimeUnit.SECONDS.toNanos(10);
            } else if (now > deadline) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling a counter the selector thread advances
        }
    }

    /**
     * The server's heap after a full collection, with 0 subscribers (the first call) and with the
     * subscribers of this run; the difference over the count is the memory a subscriber holds.
     */
    private String heapAfterGc() throws IOException, InterruptedException {
        long used = heapUsedAfterGcKb();
        if (emptyHeapKb < 0) {
            emptyHeapKb = used;
            return used + " KB";
        }
        return String.format("%d KB (%+d KB against the run with 1 subscriber)", used, used - emptyHeapKb);
    }

    private long heapUsedAfterGcKb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("No heap figure from jcmd");
        }
        return Long.parseLong(used.group(1));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(serverPid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    /** Waits until the condition holds, failing when nothing has arrived for 60 s. */
    private static void awaitCondition(
            String what, java.util.function.BooleanSupplier condition, StreamSubscribers clients)
            throws InterruptedException {
        long progress = -1;
        long deadline = 0;
        while (!condition.getAsBoolean()) {
            long now = System.nanoTime();
            long seen = clients.received() + clients.subscribed();
            if (seen != progress) {
                progress = seen;
                deadline = now + TimeUnit.SECONDS.toNanos(60);
            } else if (now > deadline) {
                throw new IllegalStateException("Gave up waiting for " + what + ": " + clients.subscribed()
                        + " subscribed, " + clients.received() + " events received, " + clients.failures()
                        + " connection failure(s) (first: " + clients.firstFailure() + ")");
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling a counter the selector thread advances
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

    /**
     * A staff receipt over plain java.net.http: the change that drives the stream, made without the cost
     * of a scripting client on the cores the measurement shares.
     */
    private void receive(String sku, int quantity) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/admin/inventory/stock/" + sku + "/receipts"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"quantity\":" + quantity + ",\"reason\":\"benchmark\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("A receipt answered " + response.statusCode() + ": " + response.body());
        }
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
