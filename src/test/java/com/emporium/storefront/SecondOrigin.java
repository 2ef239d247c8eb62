package com.emporium.storefront;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The storefront's files served by a different origin, as a separate frontend (a Next.js server, a
 * CDN) would: its page names the API's origin in the {@code emporium-api-base} meta tag and allows it
 * in its own connect-src. The test servers list this origin in emporium.cors.allowed-origins (pom.xml).
 */
final class SecondOrigin implements AutoCloseable {
    private static final Map<String, String> TYPES =
            Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml");

    private final HttpServer server;
    private final String origin;

    private SecondOrigin(HttpServer server, String origin) {
        this.server = server;
        this.origin = origin;
    }

    static SecondOrigin serve(Path files, int port, String apiBase) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/")) {
                    String page = Files.readString(files.resolve("index.html"))
                            .replace(
                                    "<meta name=\"emporium-api-base\" content=\"\">",
                                    "<meta name=\"emporium-api-base\" content=\"" + apiBase + "\">");
                    exchange.getResponseHeaders()
                            .set(
                                    "Content-Security-Policy",
                                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:;"
                                            + " connect-src 'self' " + apiBase + "; base-uri 'none'");
                    send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                String name = path.startsWith("/storefront/") ? path.substring("/storefront/".length()) : "";
                Path file = files.resolve(name).normalize();
                String extension = name.substring(name.lastIndexOf('.') + 1);
                if (name.isEmpty()
                        || !file.getParent().equals(files)
                        || !Files.isRegularFile(file)
                        || !TYPES.containsKey(extension)) {
                    send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                send(exchange, 200, TYPES.get(extension), Files.readAllBytes(file));
            }
        });
        server.start();
        return new SecondOrigin(server, "http://localhost:" + port);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String origin() {
        return origin;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
