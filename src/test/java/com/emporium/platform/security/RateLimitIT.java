package com.emporium.platform.security;

import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.Eventually;
import com.emporium.testsupport.TestRedis;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Rate limits shared through Redis by two replicas, the trusted-proxy rule for X-Forwarded-For, and
 * the documented fallback when Redis goes away. The test servers allow 30 credential requests per
 * client address per minute and 20 logins per account per 15 minutes.
 */
class RateLimitIT {
    private static final int AUTH_PER_IP = 30;
    private static final int LOGIN_PER_ACCOUNT = 20;
    private static final String B_URL = System.getProperty("it.b.base.url");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Response login(String baseUrl, String ip, String email) {
        return RestAssured.given()
                .baseUri(baseUrl)
                .header("X-Forwarded-For", ip)
                .contentType("application/json")
                .body(Map.of("email", email, "password", "not the password"))
                .post("/api/v1/auth/login");
    }

    private static HttpResponse<String> post(String path, String ip, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE_URL + path))
                .header("X-Forwarded-For", ip)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everySpellingOfACredentialEndpointCountsAgainstTheCredentialLimit() throws Exception {
        Accounts.Login customer = Accounts.customer();
        String wrongLogin = "{\"email\":\"" + Accounts.uniqueEmail("variant") + "\",\"password\":\"not it\"}";
        String wrongChange = "{\"currentPassword\":\"not the password\",\"newPassword\":\"another long password\"}";
        Map<String, String> bodies = Map.of(
                "/api/v1/auth/login",
                wrongLogin,
                "/api/v1/auth/register",
                "{}",
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"not-a-token\"}",
                "/api/v1/me/password",
                wrongChange);
        for (Map.Entry<String, String> endpoint : bodies.entrySet()) {
            for (String variant : List.of("/", ";a=b")) {
                String path = endpoint.getKey() + variant;
                HttpResponse<String> answer = post(path, clientIp(), customer.accessToken(), endpoint.getValue());
                assertThat(answer.statusCode())
                        .as(path + " reaches the resource: " + answer.body())
                        .isIn(400, 401);
                assertThat(answer.headers().firstValue("RateLimit-Limit"))
                        .as(path + " is counted under the credential limit")
                        .contains(Integer.toString(AUTH_PER_IP));
                assertThat(answer.headers().firstValue("RateLimit-Remaining"))
                        .as(path)
                        .contains(Integer.toString(AUTH_PER_IP - 1));
            }
        }
    }

    @Test
    void aTrailingSlashDoesNotBuyMoreGuesses() throws Exception {
        String ip = clientIp();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < AUTH_PER_IP + 5; i++) {
            String path = i % 2 == 0 ? "/api/v1/auth/login/" : "/api/v1/auth/login;x=" + i;
            String body = "{\"email\":\"" + Accounts.uniqueEmail("slash") + "\",\"password\":\"not-the-password\"}";
            statuses.add(post(path, ip, null, body).statusCode());
        }
        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(AUTH_PER_IP);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(5);
    }

    @Test
    void ipv6ClientsShareOneBudgetPerSlash64() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String third = Integer.toHexString(r.nextInt(1, 0xffff));
        int fourth = r.nextInt(1, 0xfffe);
        String prefix = "2001:db8:" + third + ":" + Integer.toHexString(fourth);
        // The neighbouring /64: only the fourth group differs, and it stays a valid group of at most 4 digits.
        String neighbour = "2001:db8:" + third + ":" + Integer.toHexString(fourth + 1);
        String body = "{\"email\":\"" + Accounts.uniqueEmail("v6") + "\",\"password\":\"not-the-password\"}";
        HttpResponse<String> first = post("/api/v1/auth/login", prefix + "::1", null, body);
        HttpResponse<String> sameNetwork = post("/api/v1/auth/login", prefix + ":ab:cd:ef:12", null, body);
        HttpResponse<String> otherNetwork = post("/api/v1/auth/login", neighbour + "::1", null, body);
        assertThat(first.headers().firstValue("RateLimit-Remaining")).contains(Integer.toString(AUTH_PER_IP - 1));
        assertThat(sameNetwork.headers().firstValue("RateLimit-Remaining"))
                .as("another address of the same /64")
                .contains(Integer.toString(AUTH_PER_IP - 2));
        assertThat(otherNetwork.headers().firstValue("RateLimit-Remaining"))
                .as("a different /64")
                .contains(Integer.toString(AUTH_PER_IP - 1));
    }

    @Test
    void limitPlusFiftyRequestsAcrossTwoReplicasAcceptAtMostTheLimit() throws Exception {
        String ip = clientIp();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < AUTH_PER_IP + 50; i++) {
            String base = i % 2 == 0 ? Api.BASE_URL : B_URL;
            calls.add(() -> login(base, ip, Accounts.uniqueEmail("guess")).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long accepted = statuses.stream().filter(s -> s == 401).count();
        long limited = statuses.stream().filter(s -> s == 429).count();
        assertThat(statuses).as("only 401 (wrong credentials) and 429").allMatch(s -> s == 401 || s == 429);
        assertThat(accepted).as("accepted across both replicas").isEqualTo(AUTH_PER_IP);
        assertThat(limited).isEqualTo(50);
    }

    @Test
    void refusalsCarryRetryAfterAndRateLimitHeaders() {
        String ip = clientIp();
        Response first = login(Api.BASE_URL, ip, Accounts.uniqueEmail("h"));
        assertThat(first.header("RateLimit-Limit")).isEqualTo(Integer.toString(AUTH_PER_IP));
        assertThat(first.header("RateLimit-Remaining")).isEqualTo(Integer.toString(AUTH_PER_IP - 1));
        Response last = first;
        for (int i = 0; i < AUTH_PER_IP; i++) {
            last = login(Api.BASE_URL, ip, Accounts.uniqueEmail("h"));
        }
        last.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
        assertThat(last.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(last.header("RateLimit-Policy")).isEqualTo(AUTH_PER_IP + ";w=60");
    }

    @Test
    void loginsPerAccountAreLimitedWhateverTheAddress() {
        Accounts.Login victim = Accounts.customer();
        int refused = 0;
        for (int i = 0; i < LOGIN_PER_ACCOUNT + 3; i++) {
            int status = login(Api.BASE_URL, clientIp(), victim.email()).statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isGreaterThanOrEqualTo(3);
        from(clientIp())
                .body(Map.of("email", victim.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(429);
        List<String> throttled = Accounts.firstAdmin()
                .api()
                .queryParam("type", "login.throttled")
                .queryParam("actor", "anonymous")
                .queryParam("limit", 500)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("subject");
        assertThat(throttled).contains(victim.email());
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerDoesNotHelp() throws Exception {
        // 127.0.0.2 is loopback too, but it is not a configured proxy: its X-Forwarded-For is ignored.
        int limited = 0;
        int accepted = 0;
        for (int i = 0; i < AUTH_PER_IP + 10; i++) {
            int status = rawLoginFrom("127.0.0.2", clientIp());
            limited += status == 429 ? 1 : 0;
            accepted += status == 401 ? 1 : 0;
        }
        assertThat(accepted).isLessThanOrEqualTo(AUTH_PER_IP);
        assertThat(limited).isGreaterThanOrEqualTo(10);
    }

    private static int rawLoginFrom(String localAddress, String forwardedFor) throws Exception {
        URI base = URI.create(Api.BASE_URL);
        byte[] body = ("{\"email\":\"" + Accounts.uniqueEmail("spoof") + "\",\"password\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(10000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost:" + base.getPort() + "\r\n"
                            + "X-Forwarded-For: " + forwardedFor
                            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void withRedisDownGeneralLimitsFallBackAndLoginFailsClosed() throws Exception {
        Accounts.Login customer = Accounts.customer();
        TestRedis.shutDown();
        try {
            Eventually.await("Redis stopped", Duration.ofSeconds(10), () -> !TestRedis.up());
            for (int i = 0; i < 5; i++) {
                Api.anonymous().get("/api/v1/products").then().statusCode(200);
                customer.api().get("/api/v1/me").then().statusCode(200);
            }
            Response login = from(clientIp())
                    .body(Map.of("email", customer.email(), "password", Accounts.PASSWORD))
                    .post("/api/v1/auth/login");
            login.then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/rate-limit-unavailable"));
            assertThat(login.header("Retry-After")).isNotNull();
            Response ready = Api.anonymous().get("/health/ready");
            ready.then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'redis' }.data.state", equalTo("degraded"));
            String log = Files.readString(Path.of(System.getProperty("it.server.log")));
            assertThat(log).contains("falling back to in-process counters");
        } finally {
            TestRedis.restart();
        }
        Eventually.await(
                "logins accepted again",
                Duration.ofSeconds(20),
                () -> from(clientIp())
                                .body(Map.of("email", customer.email(), "password", Accounts.PASSWORD))
                                .post("/api/v1/auth/login")
                                .statusCode()
                        == 200);
        Api.anonymous()
                .get("/health/ready")
                .then()
                .body("checks.find { it.name == 'redis' }.data.state", equalTo("ok"));
    }
}
