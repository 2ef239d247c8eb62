package com.emporium.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-model throughput of {@code GET /api/v1/me/loyalty}: a fixed number of users each send the
 * next request as soon as the last one answered, so the figure is what the server sustains, not an
 * offered rate. One customer is registered before the run; with admin credentials it first gets a
 * ledger of {@code bench.entries} adjustments, so the balance is derived from real entries. A warm-up
 * phase comes first and is left out of the figure printed at the end.
 *
 * <p>Start the server with the rate limits out of the way (docs/performance.md). Settings (system
 * property or env var): bench.baseUrl (http://localhost:9080), bench.users (8), bench.duration
 * (seconds measured, 60), bench.warmup (seconds, 60), bench.adminEmail and bench.adminPassword
 * (optional), bench.entries (50).
 */
public class LoyaltySimulation extends Simulation {
    private static final String BASE_URL = Settings.get("bench.baseUrl", "http://localhost:9080");
    private static final int USERS = Integer.parseInt(Settings.get("bench.users", "8"));
    private static final int DURATION = Integer.parseInt(Settings.get("bench.duration", "60"));
    private static final int WARMUP = Integer.parseInt(Settings.get("bench.warmup", "60"));
    private static final int ENTRIES = Integer.parseInt(Settings.get("bench.entries", "50"));
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCOUNT = Pattern.compile("\"account\"\\s*:\\s*\"([^\"]+)\"");

    private static final AtomicLong measured = new AtomicLong();
    private static final AtomicLong firstNanos = new AtomicLong();
    private static final AtomicLong lastNanos = new AtomicLong();

    private final String token = prepareCustomer();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .userAgentHeader("emporium-bench")
            .authorizationHeader("Bearer " + token)
            .disableCaching()
            .shareConnections();

    private static ScenarioBuilder loop(String name, int seconds, boolean count) {
        return scenario(name)
                .exec(during(Duration.ofSeconds(seconds))
                        .on(exec(http(name).get("/api/v1/me/loyalty").check(status().is(200)))
                                .exec(session -> {
                                    if (count && !session.isFailed()) {
                                        long now = System.nanoTime();
                                        firstNanos.compareAndSet(0, now);
                                        lastNanos.set(now);
                                        measured.incrementAndGet();
                                    }
                                    return session;
                                })));
    }

    {
        System.out.printf(
                "Closed-model load on %s/api/v1/me/loyalty: %d users, %d s warm-up + %d s measured%n",
                BASE_URL, USERS, WARMUP, DURATION);
        setUp(loop("warm-up", WARMUP, false)
                        .injectOpen(atOnceUsers(USERS))
                        .andThen(loop("me-loyalty", DURATION, true).injectOpen(atOnceUsers(USERS))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        double seconds = (lastNanos.get() - firstNanos.get()) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "GET /api/v1/me/loyalty: %d responses in %.1f s measured = %.0f requests/s (%d users)%n",
                measured.get(),
                seconds,
                measured.get() / seconds,
                USERS);
    }

    /** Registers a customer and, given admin credentials, writes its ledger; answers its access token. */
    private static String prepareCustomer() {
        HttpClient client = HttpClient.newHttpClient();
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.emporium.local";
        String password = "bench password " + UUID.randomUUID();
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        post(client, "/api/v1/auth/register", credentials, null);
        String customer = first(ACCESS_TOKEN, post(client, "/api/v1/auth/login", credentials, null));
        String adminEmail = Settings.get("bench.adminEmail", "");
        if (adminEmail.isEmpty()) {
            System.out.println("No bench.adminEmail: the customer's ledger stays empty.");
            return customer;
        }
        String admin = first(
                ACCESS_TOKEN,
                post(
                        client,
                        "/api/v1/auth/login",
                        "{\"email\":\"" + adminEmail + "\",\"password\":\"" + Settings.get("bench.adminPassword", "")
                                + "\"}",
                        null));
        String account = first(ACCOUNT, get(client, "/api/v1/me/loyalty", customer));
        for (int i = 1; i <= ENTRIES; i++) {
            post(
                    client,
                    "/api/v1/admin/loyalty/accounts/" + account + "/adjustments",
                    "{\"points\":" + (i % 5 == 0 ? -1 : 10) + ",\"reason\":\"benchmark ledger\"}",
                    admin);
        }
        return customer;
    }

    private static String post(HttpClient client, String path, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(client, request.build());
    }

    private static String get(HttpClient client, String path, String bearer) {
        return send(
                client,
                HttpRequest.newBuilder(URI.create(BASE_URL + path))
                        .header("Authorization", "Bearer " + bearer)
                        .build());
    }

    private static String send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("not in the answer: " + pattern + " in " + body);
        }
        return m.group(1);
    }
}
