package com.emporium.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 written by hand, for what ordinary clients refuse to send: a chosen Host header, unusual
 * Transfer-Encoding values, path parameters. The connection is closed after one exchange.
 */
public final class RawHttp {
    private RawHttp() {}

    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends the head (request line and headers, without the blank line) and the body bytes as given. */
    public static Answer exchange(String head, byte[] body) throws IOException {
        URI base = URI.create(Api.BASE_URL);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // The server may answer (and stop reading) before the whole body is sent: write it beside the read.
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException refusedEarly) {
                    // expected when the server has already answered and closed its side
                }
            });
            Answer answer = parse(socket.getInputStream());
            writing.cancel(true);
            return answer;
        }
    }

    public static String chunked(byte[] data, int chunkSize) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < data.length; i += chunkSize) {
            int n = Math.min(chunkSize, data.length - i);
            out.append(Integer.toHexString(n))
                    .append("\r\n")
                    .append(new String(data, i, n, StandardCharsets.ISO_8859_1))
                    .append("\r\n");
        }
        return out.append("0\r\n\r\n").toString();
    }

    private static Answer parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer arrived still leaves the answer
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
