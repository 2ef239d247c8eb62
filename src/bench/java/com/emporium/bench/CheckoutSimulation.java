package com.emporium.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load on the guest checkout: each user opens a guest cart, adds {@code bench.lines} lines of distinct
 * SKUs, places the order with an Idempotency-Key and pays it with the {@code test} provider. Open model
 * (users arrive at {@code bench.rate} per second) by default; closed model with
 * {@code bench.customers} &gt; 0 (that many customers at all times, each starting the next checkout as
 * soon as one ends). With {@code bench.hot=true} every cart's first line is the same SKU.
 * Every step is its own request name, so Gatling reports p50/p95/p99 per step; the warm-up phase's
 * requests are all named "warm-up" and left out.
 *
 * <p>Before the load, the simulation signs in as staff and receives enough stock on the SKUs it uses
 * that no order can fail for want of units. Afterwards it reads the database: the orders of this run
 * (found by their e-mail addresses), duplicates and oversold stock (both must be 0), and the outbox
 * delivery lag of their events (created to delivered) once the relay has delivered them.
 *
 * <p>Settings (system property or env var): bench.baseUrl, bench.rate (checkouts arriving per second,
 * 10), bench.customers (closed model when &gt; 0, 0), bench.lines (3), bench.hot (false), bench.duration
 * (60), bench.warmup (30), bench.skus (SKUs drawn from, 20), bench.prepared (carts built before the
 * load, which is then placement and payment only; open model), bench.admin.email and
 * bench.admin.password (a staff or admin account, for the stock), bench.db.* (for the checks).
 */
public class CheckoutSimulation extends Simulation {
    private static final String BASE_URL = Settings.get("bench.baseUrl", "http://localhost:9080");
    private static final double RATE = Double.parseDouble(Settings.get("bench.rate", "10"));
    private static final int DURATION = Integer.parseInt(Settings.get("bench.duration", "60"));
    private static final int WARMUP = Integer.parseInt(Settings.get("bench.warmup", "30"));
    private static final int SKU_COUNT = Integer.parseInt(Settings.get("bench.skus", "20"));
    private static final int CUSTOMERS = Integer.parseInt(Settings.get("bench.customers", "0"));
    private static final int LINES = Integer.parseInt(Settings.get("bench.lines", "3"));
    private static final boolean HOT = Boolean.parseBoolean(Settings.get("bench.hot", "false"));
    /**
     * Carts built before the load (open model only): the load is then placement and payment alone, the
     * shape of "orders placed per second" when the browsing that filled the carts happened earlier.
     */
    private static final boolean PREPARED = Boolean.parseBoolean(Settings.get("bench.prepared", "false"));

    private static final String API = BASE_URL + "/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tells this run's orders apart from every other in the database: bench-{run}-{w|m}-{n}@example.com. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private final List<String> skus = new ArrayList<>();
    private final Random random = new Random(Long.parseLong(Settings.get("bench.loadSeed", "7")));
    private final AtomicLong users = new AtomicLong();
    private final AtomicLong measuredPlaced = new AtomicLong();
    private final AtomicLong measuredPaid = new AtomicLong();
    private final AtomicLong placed = new AtomicLong();
    private volatile Instant measuredFrom;
    /** Prepared carts (cartId, cartToken, email, idempotencyKey), warm-up's first, in arrival order. */
    private final Queue<Map<String, Object>> preparedWarmUp = new ConcurrentLinkedQueue<>();

    private final Queue<Map<String, Object>> preparedMeasured = new ConcurrentLinkedQueue<>();
    private volatile Instant lastPaid;

    private Iterator<Map<String, Object>> feeder(boolean warmUp) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                if (!warmUp && measuredFrom == null) {
                    measuredFrom = Instant.now();
                }
                if (!PREPARED) {
                    return draw(warmUp);
                }
                Map<String, Object> cart = (warmUp ? preparedWarmUp : preparedMeasured).poll();
                if (cart == null) {
                    throw new IllegalStateException("More arrivals than prepared carts");
                }
                return cart;
            }
        };
    }

    /** One checkout's SKUs (distinct; in the hot case the first line is always skus[0]), email and key. */
    private Map<String, Object> draw(boolean warmUp) {
        synchronized (random) {
            List<String> pool = new ArrayList<>(HOT ? skus.subList(1, skus.size()) : skus);
            Collections.shuffle(pool, random);
            Map<String, Object> p = new HashMap<>();
            for (int line = 0; line < LINES; line++) {
                p.put("sku" + (line + 1), HOT && line == 0 ? skus.get(0) : pool.get(HOT ? line - 1 : line));
            }
            p.put("email", "bench-" + runId + (warmUp ? "-w-" : "-m-") + users.incrementAndGet() + "@example.com");
            p.put("idempotencyKey", UUID.randomUUID().toString());
            return p;
        }
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .userAgentHeader("emporium-bench")
            .disableCaching()
            .shareConnections();

    private static String name(boolean warmUp, String step) {
        return warmUp ? "warm-up" : step;
    }

    private ChainBuilder checkout(boolean warmUp) {
        ChainBuilder cart = exec(http(name(warmUp, "create cart"))
                        .post("/api/v1/carts")
                        .check(
                                status().is(201),
                                jsonPath("$.id").saveAs("cartId"),
                                jsonPath("$.token").saveAs("cartToken"),
                                header("ETag").saveAs("etag")))
                .exitHereIfFailed()
                .exec(addLines(warmUp));
        return (PREPARED ? exec(session -> session) : cart)
                .exec(http(name(warmUp, "place order"))
                        .post("/api/v1/orders")
                        .header("Cart-Token", "#{cartToken}")
                        .header("Idempotency-Key", "#{idempotencyKey}")
                        .body(
                                StringBody(
                                        "{\"cartId\":\"#{cartId}\",\"email\":\"#{email}\","
                                                + "\"shippingMethod\":\"eu-standard\",\"shippingAddress\":{\"name\":\"Erika Mustermann\","
                                                + "\"line1\":\"Heidestrasse 17\",\"city\":\"Koeln\",\"postalCode\":\"51147\",\"country\":\"DE\"}}"))
                        .check(
                                status().is(201),
                                jsonPath("$.id").saveAs("orderId"),
                                jsonPath("$.accessToken").saveAs("orderToken")))
                .exitHereIfFailed()
                .exec(session -> {
                    placed.incrementAndGet();
                    if (!warmUp) {
                        measuredPlaced.incrementAndGet();
                    }
                    return session;
                })
                .exec(http(name(warmUp, "pay"))
                        .post("/api/v1/orders/#{orderId}/payments")
                        .header("Order-Token", "#{orderToken}")
                        .body(StringBody("{\"provider\":\"test\"}"))
                        .check(status().is(200), jsonPath("$.state").is("PAID")))
                .exitHereIfFailed()
                .exec(session -> {
                    if (!warmUp) {
                        measuredPaid.incrementAndGet();
                        lastPaid = Instant.now();
                    }
                    return session;
                });
    }

    private static ChainBuilder addLines(boolean warmUp) {
        ChainBuilder chain = addLine(warmUp, "add line 1", "#{sku1}").exitHereIfFailed();
        for (int line = 2; line <= LINES; line++) {
            chain = chain.exec(addLine(warmUp, "add line " + line, "#{sku" + line + "}"))
                    .exitHereIfFailed();
        }
        return chain;
    }

    private static ChainBuilder addLine(boolean warmUp, String step, String sku) {
        return exec(http(name(warmUp, step))
                .post("/api/v1/carts/#{cartId}/lines")
                .header("Cart-Token", "#{cartToken}")
                .header("If-Match", "#{etag}")
                .body(StringBody("{\"sku\":\"" + sku + "\",\"quantity\":1}"))
                .check(status().is(200), header("ETag").saveAs("etag")));
    }

    private ScenarioBuilder scenarioOf(String name, boolean warmUp) {
        return scenario(name).feed(feeder(warmUp)).exec(checkout(warmUp));
    }

    {
        PopulationBuilder warmUp;
        PopulationBuilder measured;
        if (CUSTOMERS > 0) {
            System.out.printf(
                    "Checkout load on %s: %d concurrent customers (closed model), %d lines per cart%s, "
                            + "%d s warm-up + %d s measured, run %s%n",
                    BASE_URL, CUSTOMERS, LINES, HOT ? " (first line the hot SKU)" : "", WARMUP, DURATION, runId);
            warmUp = scenarioOf("warm-up", true)
                    .injectClosed(constantConcurrentUsers(CUSTOMERS).during(Duration.ofSeconds(WARMUP)));
            measured = scenarioOf("checkout", false)
                    .injectClosed(constantConcurrentUsers(CUSTOMERS).during(Duration.ofSeconds(DURATION)));
        } else {
            System.out.printf(
                    "Checkout load on %s: %.1f checkouts arriving/s, %d lines per cart%s, %d s warm-up + %d s measured, "
                            + "run %s%n",
                    BASE_URL, RATE, LINES, HOT ? " (first line the hot SKU)" : "", WARMUP, DURATION, runId);
            warmUp = scenarioOf("warm-up", true)
                    .injectOpen(constantUsersPerSec(RATE)
                            .during(Duration.ofSeconds(WARMUP))
                            .randomized());
            measured = scenarioOf("checkout", false)
                    .injectOpen(constantUsersPerSec(RATE)
                            .during(Duration.ofSeconds(DURATION))
                            .randomized());
        }
        setUp(warmUp.andThen(measured))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    /** Receives enough stock on the SKUs the load draws from, so orders fail only for real reasons. */
    @Override
    public void before() {
        HttpClient client = HttpClient.newHttpClient();
        try {
            String token = adminToken(client);
            JsonNode list = getJson(client, API + "/products?limit=" + SKU_COUNT, null);
            for (JsonNode item : list.get("items")) {
                JsonNode product =
                        getJson(client, API + "/products/" + item.get("slug").asText(), null);
                skus.add(product.get("variants").get(0).get("sku").asText());
            }
            if (skus.size() < LINES + (HOT ? 1 : 0)) {
                throw new IllegalStateException("bench.lines=" + LINES + " needs at least " + (LINES + (HOT ? 1 : 0))
                        + " SKUs; found " + skus.size());
            }
            // Each checkout takes one unit of each line's SKU. The closed model's rate is not known in
            // advance, so it stocks the most one receipt may bring; the open model twice the expected share.
            long expectedUnits = (long) Math.ceil(RATE * (WARMUP + DURATION) * LINES);
            int perSku = CUSTOMERS > 0 ? 1_000_000 : (int) Math.min(1_000_000, 2 * expectedUnits / skus.size() + 100);
            for (String sku : skus) {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(API + "/admin/inventory/stock/" + sku + "/receipts"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"quantity\":" + perSku + ",\"reason\":\"checkout benchmark\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(
                            "Receipt for " + sku + " answered " + r.statusCode() + ": " + r.body());
                }
            }
            System.out.printf("Received %d units on each of %d SKUs: %s%n", perSku, skus.size(), skus);
            if (PREPARED) {
                prepareCarts(client);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Builds one guest cart per expected arrival (5 % spare), through the same API calls the full
     * checkout makes, with 8 at a time; the figures then cover only placement and payment.
     */
    private void prepareCarts(HttpClient client) throws InterruptedException {
        if (CUSTOMERS > 0) {
            throw new IllegalStateException("bench.prepared needs the open model (bench.rate), not bench.customers");
        }
        int warmUpCarts = (int) Math.ceil(RATE * WARMUP * 1.05) + 10;
        int measuredCarts = (int) Math.ceil(RATE * DURATION * 1.05) + 10;
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Map<String, Object>>> carts = new ArrayList<>();
        for (int i = 0; i < warmUpCarts + measuredCarts; i++) {
            Map<String, Object> lines = draw(i < warmUpCarts);
            carts.add(pool.submit(() -> guestCart(client, lines)));
        }
        pool.shutdown();
        try {
            for (int i = 0; i < carts.size(); i++) {
                (i < warmUpCarts ? preparedWarmUp : preparedMeasured)
                        .add(carts.get(i).get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Preparing a cart failed", e.getCause());
        }
        System.out.printf(
                "Prepared %d guest carts of %d lines in %d s%n",
                carts.size(), LINES, Duration.between(start, Instant.now()).toSeconds());
    }

    /** A guest cart with one unit of each SKU the feeder drew; answers the session values the load needs. */
    private static Map<String, Object> guestCart(HttpClient client, Map<String, Object> drawn)
            throws IOException, InterruptedException {
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(URI.create(API + "/carts"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /carts answered " + created.statusCode());
        }
        JsonNode cart = JSON.readTree(created.body());
        String id = cart.get("id").asText();
        String token = cart.get("token").asText();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        for (int line = 1; line <= LINES; line++) {
            HttpResponse<String> added = client.send(
                    HttpRequest.newBuilder(URI.create(API + "/carts/" + id + "/lines"))
                            .header("Content-Type", "application/json")
                            .header("Cart-Token", token)
                            .header("If-Match", etag)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"sku\":\"" + drawn.get("sku" + line) + "\",\"quantity\":1}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (added.statusCode() != 200) {
                throw new IllegalStateException("Adding a line answered " + added.statusCode() + ": " + added.body());
            }
            etag = added.headers().firstValue("ETag").orElseThrow();
        }
        Map<String, Object> session = new HashMap<>(drawn);
        session.put("cartId", id);
        session.put("cartToken", token);
        return session;
    }

    private static String adminToken(HttpClient client) throws IOException, InterruptedException {
        String email = Settings.get("bench.admin.email", "");
        String password = Settings.get("bench.admin.password", "");
        if (email.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException("Set bench.admin.email and bench.admin.password (a staff or admin account) "
                    + "to stock the benchmark's SKUs; see docs/performance.md.");
        }
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(API + "/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("email", email, "password", password))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Sign-in as " + email + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body()).get("accessToken").asText();
    }

    private static JsonNode getJson(HttpClient client, String url, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    /** Prints orders/s and the database checks, and leaves the settings beside the report for GatlingSummary. */
    @Override
    public void after() {
        Properties props = new Properties();
        props.setProperty("baseUrl", BASE_URL);
        props.setProperty("rate", Double.toString(RATE));
        props.setProperty("duration", Integer.toString(DURATION));
        props.setProperty("warmup", Integer.toString(WARMUP));
        props.setProperty("customers", Integer.toString(CUSTOMERS));
        props.setProperty("lines", Integer.toString(LINES));
        props.setProperty("hot", Boolean.toString(HOT));
        props.setProperty("prepared", Boolean.toString(PREPARED));
        double window = measuredFrom == null || lastPaid == null
                ? DURATION
                : Math.max(DURATION, Duration.between(measuredFrom, lastPaid).toMillis() / 1000.0);
        System.out.printf(
                "%nCheckout run %s: %d orders placed and %d paid in the measured phase, %.2f orders/s paid "
                        + "(over %.0f s)%n",
                runId, measuredPlaced.get(), measuredPaid.get(), measuredPaid.get() / window, window);
        props.setProperty("ordersPerSecond", String.format("%.2f", measuredPaid.get() / window));
        try {
            checkDatabase(props);
        } catch (SQLException e) {
            System.out.println("Database checks failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeProperties(props);
    }

    private void checkDatabase(Properties props) throws SQLException, InterruptedException {
        String pattern = "bench-" + runId + "-%";
        try (Connection c = DriverManager.getConnection(Settings.dbUrl(), Settings.dbUser(), Settings.dbPassword())) {
            long orders = single(c, "SELECT count(*) FROM customer_order WHERE email LIKE ?", pattern);
            long duplicates = single(
                    c, "SELECT count(*) - count(DISTINCT email) FROM customer_order WHERE email LIKE ?", pattern);
            long oversold = single(c, "SELECT count(*) FROM stock WHERE on_hand < 0 OR reserved > on_hand", null);
            System.out.printf(
                    "Database: %d orders of this run (client saw %d placed), %d duplicate orders, %d oversold stock rows%n",
                    orders, placed.get(), duplicates, oversold);
            props.setProperty("orders", Long.toString(orders));
            props.setProperty("duplicates", Long.toString(duplicates));
            props.setProperty("oversold", Long.toString(oversold));

            // The relay delivers after the load; wait (bounded) until it has delivered this run's events.
            String measured = "bench-" + runId + "-m-%";
            String pending = "SELECT count(*) FROM outbox o JOIN customer_order co ON co.id = o.aggregate_id "
                    + "WHERE o.type LIKE 'order.%' AND co.email LIKE ? AND o.delivered_at IS NULL";
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            long left;
            while ((left = single(c, pending, measured)) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT o.type, count(*), "
                    + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.delivered_at - o.created_at)), "
                    + "percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM o.delivered_at - o.created_at)), "
                    + "max(extract(epoch FROM o.delivered_at - o.created_at)) "
                    + "FROM outbox o JOIN customer_order co ON co.id = o.aggregate_id "
                    + "WHERE o.type LIKE 'order.%' AND co.email LIKE ? AND o.delivered_at IS NOT NULL "
                    + "GROUP BY ROLLUP (o.type) ORDER BY o.type NULLS LAST")) {
                ps.setString(1, measured);
                try (ResultSet rs = ps.executeQuery()) {
                    System.out.printf(
                            "Outbox delivery lag (created -> delivered) of the measured orders' events, %d undelivered:%n",
                            left);
                    System.out.printf("  %-16s %8s %10s %10s %10s%n", "event", "rows", "p50 ms", "p99 ms", "max ms");
                    while (rs.next()) {
                        String type = rs.getString(1) == null ? "all" : rs.getString(1);
                        System.out.printf(
                                "  %-16s %8d %10.0f %10.0f %10.0f%n",
                                type,
                                rs.getLong(2),
                                rs.getDouble(3) * 1000,
                                rs.getDouble(4) * 1000,
                                rs.getDouble(5) * 1000);
                        if (type.equals("all")) {
                            props.setProperty("outboxLagP50Ms", String.format("%.0f", rs.getDouble(3) * 1000));
                            props.setProperty("outboxLagP99Ms", String.format("%.0f", rs.getDouble(4) * 1000));
                        }
                    }
                }
            }
        }
    }

    private static long single(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void writeProperties(Properties props) {
        Path results = Path.of(Settings.get("bench.resultsFolder", "target/gatling"));
        try (Stream<Path> runs = Files.list(results)) {
            // Only this simulation's reports: another simulation's name can sort after this one's.
            Optional<Path> newest = runs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().startsWith("checkoutsimulation-"))
                    .max(Comparator.comparing(Path::getFileName));
            if (newest.isPresent()) {
                try (OutputStream out = Files.newOutputStream(newest.get().resolve("bench-run.properties"))) {
                    props.store(out, "checkout benchmark settings and database checks");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
