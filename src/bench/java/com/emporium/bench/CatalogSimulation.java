package com.emporium.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.emporium.bench.SyntheticCatalog.ProductSpec;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Open-model load on the public catalog API: requests arrive at a fixed mean rate (Poisson arrivals),
 * whether or not earlier ones have finished, so a slow server builds a queue instead of slowing the
 * load down. A warm-up phase at the same rate comes first; its requests are named "warm-up" and left
 * out of the per-endpoint figures.
 *
 * <p>Settings (system property or env var): bench.baseUrl (http://localhost:9080), bench.rate
 * (arrivals per second, 40), bench.duration (seconds measured, 60), bench.warmup (seconds, 20),
 * bench.products and bench.seed (must match what was loaded).
 */
public class CatalogSimulation extends Simulation {
    private static final String BASE_URL = Settings.get("bench.baseUrl", "http://localhost:9080");
    private static final double RATE = Double.parseDouble(Settings.get("bench.rate", "40"));
    private static final int DURATION = Integer.parseInt(Settings.get("bench.duration", "60"));
    private static final int WARMUP = Integer.parseInt(Settings.get("bench.warmup", "20"));
    private static final String LIST = "/api/v1/products";

    private final SyntheticCatalog catalog = SyntheticCatalog.fromSettings();
    private final List<String> activeSlugs = activeSlugs(catalog);
    private final Random random = new Random(Long.parseLong(Settings.get("bench.loadSeed", "7")));

    /**
     * One set of parameters per arriving user, from a seeded generator. Arrival times and the choice of
     * request kind are random per run, so runs differ in detail but not in distribution.
     */
    private final Iterator<Map<String, Object>> parameters = new Iterator<>() {
        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            synchronized (random) {
                Map<String, Object> p = new HashMap<>();
                p.put(
                        "category",
                        catalog.categories()
                                .get(random.nextInt(catalog.categories().size()))
                                .slug());
                p.put("product", activeSlugs.get(random.nextInt(activeSlugs.size())));
                p.put("word", catalog.skewedWord(random));
                // A price band as a shopper sets one: a floor and a ceiling a few times higher (minor units).
                long min = 500L * (1 + random.nextInt(40));
                p.put("minPrice", min);
                p.put("maxPrice", min * (2 + random.nextInt(4)));
                p.put("color", SyntheticCatalog.COLORS[random.nextInt(SyntheticCatalog.COLORS.length)]);
                return p;
            }
        }
    };

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .userAgentHeader("emporium-bench")
            // Measure the server: no conditional requests, no client cache, one shared connection pool.
            .disableCaching()
            .shareConnections();

    /** The request mix; names carry the endpoint kind so each gets its own figures. */
    private static ChainBuilder mix(boolean warmUp) {
        return randomSwitch()
                .on(
                        percent(20).then(exec(get(warmUp, "list newest", LIST + "?limit=24"))),
                        percent(15).then(exec(get(warmUp, "list category", LIST + "?limit=24&category=#{category}"))),
                        percent(15)
                                .then(exec(get(
                                        warmUp,
                                        "filter price",
                                        LIST + "?limit=24&minPrice=#{minPrice}&maxPrice=#{maxPrice}&sort=price"))),
                        percent(10).then(exec(get(warmUp, "filter attribute", LIST + "?limit=24&attr.color=#{color}"))),
                        percent(15).then(exec(get(warmUp, "search", LIST + "?limit=24&q=#{word}"))),
                        percent(15).then(exec(get(warmUp, "detail", LIST + "/#{product}"))),
                        percent(10)
                                .then(exec(http(warmUp ? "warm-up" : "page 2 (first page)")
                                                .get(LIST + "?limit=24&category=#{category}")
                                                .check(
                                                        status().is(200),
                                                        jsonPath("$.nextCursor")
                                                                .optional()
                                                                .saveAs("cursor")))
                                        .doIf(session -> session.contains("cursor"))
                                        .then(exec(http(warmUp ? "warm-up" : "page 2 (cursor)")
                                                .get(LIST)
                                                .queryParam("limit", "24")
                                                .queryParam("category", "#{category}")
                                                .queryParam("cursor", "#{cursor}")
                                                .check(status().is(200))))));
    }

    private static io.gatling.javaapi.http.HttpRequestActionBuilder get(boolean warmUp, String name, String path) {
        return http(warmUp ? "warm-up" : name).get(path).check(status().is(200));
    }

    private ScenarioBuilder scenarioOf(String name, boolean warmUp) {
        return scenario(name).feed(parameters).exec(mix(warmUp));
    }

    {
        System.out.printf(
                "Open-model load on %s: %.1f arrivals/s, %d s warm-up + %d s measured%n",
                BASE_URL, RATE, WARMUP, DURATION);
        setUp(scenarioOf("warm-up", true)
                        .injectOpen(constantUsersPerSec(RATE)
                                .during(Duration.ofSeconds(WARMUP))
                                .randomized())
                        .andThen(scenarioOf("catalog", false)
                                .injectOpen(constantUsersPerSec(RATE)
                                        .during(Duration.ofSeconds(DURATION))
                                        .randomized())))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    /** Leaves the run's settings beside its report (the newest run folder), for GatlingSummary. */
    @Override
    public void after() {
        Path results = Path.of(Settings.get("bench.resultsFolder", "target/gatling"));
        try (Stream<Path> runs = Files.list(results)) {
            // Only this simulation's reports: another simulation's name can sort after this one's.
            Optional<Path> newest = runs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().startsWith("catalogsimulation-"))
                    .max(Comparator.comparing(Path::getFileName));
            if (newest.isPresent()) {
                Properties props = new Properties();
                props.setProperty("baseUrl", BASE_URL);
                props.setProperty("rate", Double.toString(RATE));
                props.setProperty("duration", Integer.toString(DURATION));
                props.setProperty("warmup", Integer.toString(WARMUP));
                props.setProperty("products", Integer.toString(catalog.productCount()));
                try (OutputStream out = Files.newOutputStream(newest.get().resolve("bench-run.properties"))) {
                    props.store(out, "catalog benchmark settings");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> activeSlugs(SyntheticCatalog catalog) {
        List<String> slugs = new ArrayList<>(catalog.productCount());
        for (int n = 1; n <= catalog.productCount(); n++) {
            ProductSpec p = catalog.product(n);
            if (p.active()) {
                slugs.add(p.slug());
            }
        }
        return slugs;
    }
}
