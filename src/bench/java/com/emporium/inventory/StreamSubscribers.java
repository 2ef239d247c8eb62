package com.emporium.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many unfiltered live stock subscribers on one thread: a selector, plain HTTP/1.1 with chunked decoding
 * and a byte-level SSE parser. A thread per subscriber would put thousands of runnable threads on the
 * same cores as the server under test and measure the client's scheduling rather than the stream.
 *
 * <p>Each subscriber records the id and arrival time of every {@code stock} event of the watched SKU;
 * the commit time is parsed once per event id, not once per subscriber. Events that arrive before a
 * resumed subscriber's {@code subscribed} comment are its replay: they count for completeness, not latency.
 */
final class StreamSubscribers implements AutoCloseable {
    /** Connections still opening at once; more would overflow the server's accept backlog. */
    private static final int OPENING_AT_ONCE = 100;

    private static final byte[] SUBSCRIBED = ": subscribed".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final String request;
    private final String sku;
    private final Selector selector;
    private final Thread thread;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Queue<Subscriber> toOpen = new ConcurrentLinkedQueue<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Subscriber> disconnected = new ArrayList<>();
    /** Event id to commit time in epoch microseconds, or Long.MIN_VALUE for another SKU's event. */
    private final Map<Long, Long> committedAt = new HashMap<>();

    private final AtomicInteger subscribed = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String firstFailure;
    private volatile boolean running = true;
    private int opening;

    StreamSubscribers(String baseUrl, String sku) {
        URI uri = URI.create(baseUrl);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        this.request = "GET /api/v1/inventory/stream HTTP/1.1\r\nHost: " + uri.getHost() + ":" + address.getPort()
                + "\r\nAccept: text/event-stream\r\n";
        this.sku = sku;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::run, "stream-subscribers");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Opens {@code count} more subscribers; see {@link #subscribed()} for how many are live. */
    void open(int count) {
        for (int i = 0; i < count; i++) {
            Subscriber s = new Subscriber(subscribers.size() + toOpen.size());
            toOpen.add(s);
        }
        selector.wakeup();
    }

    int subscribed() {
        return subscribed.get();
    }

    long received() {
        return received.get();
    }

    int failures() {
        return failures.get();
    }

    String firstFailure() {
        return firstFailure;
    }

    /**
     * Closes every {@code every}-th subscriber's connection; {@link #resume} reopens them. Returns how
     * many were closed.
     */
    int disconnectEvery(int every) throws InterruptedException {
        return onSelectorThread(() -> {
            int count = 0;
            for (int i = 0; i < subscribers.size(); i += every) {
                Subscriber s = subscribers.get(i);
                s.closeChannel();
                if (s.subscribed) {
                    s.subscribed = false;
                    subscribed.decrementAndGet();
                }
                s.reset();
                s.resumeFrom = s.lastId;
                s.reconnects++;
                disconnected.add(s);
                count++;
            }
            return count;
        });
    }

    /** Reopens the disconnected subscribers with Last-Event-ID set to the last event each parsed, as EventSource does. */
    void resume() throws InterruptedException {
        onSelectorThread(() -> {
            toOpen.addAll(disconnected);
            disconnected.clear();
            return 0;
        });
    }

    private int onSelectorThread(java.util.function.IntSupplier task) throws InterruptedException {
        java.util.concurrent.CompletableFuture<Integer> done = new java.util.concurrent.CompletableFuture<>();
        tasks.add(() -> done.complete(task.getAsInt()));
        selector.wakeup();
        try {
            return done.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Results after the run; call once the expected events have arrived (or not). */
    List<Subscriber> stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join();
        return subscribers;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscribers.forEach(Subscriber::closeChannel);
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing at the end of a run
        }
    }

    long committedAt(long id) {
        Long at = committedAt.get(id);
        return at == null ? Long.MIN_VALUE : at;
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (running) {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                while (opening < OPENING_AT_ONCE && !toOpen.isEmpty()) {
                    Subscriber s = toOpen.poll();
                    if (!s.listed) {
                        s.listed = true;
                        subscribers.add(s);
                    }
                    connect(s);
                }
                selector.select(100);
                var keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Subscriber s = (Subscriber) key.attachment();
                    try {
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isConnectable()) {
                            s.channel.finishConnect();
                            s.channel.write(ByteBuffer.wrap(s.request().getBytes(StandardCharsets.US_ASCII)));
                            key.interestOps(SelectionKey.OP_READ);
                        } else if (key.isReadable()) {
                            read(s, key, buffer);
                        }
                    } catch (IOException | RuntimeException e) {
                        fail(s, e.toString());
                        key.cancel();
                        s.closeChannel();
                    }
                }
            }
        } catch (IOException e) {
            fail(null, e.toString());
        }
    }

    private void connect(Subscriber s) {
        try {
            s.channel = SocketChannel.open();
            s.channel.configureBlocking(false);
            s.channel.connect(address);
            s.channel.register(selector, SelectionKey.OP_CONNECT, s);
            opening++;
            s.opening = true;
        } catch (IOException e) {
            fail(s, e.toString());
        }
    }

    private void read(Subscriber s, SelectionKey key, ByteBuffer buffer) throws IOException {
        buffer.clear();
        int n = s.channel.read(buffer);
        if (n < 0) {
            key.cancel();
            s.closeChannel();
            fail(s, "the server closed the stream");
            return;
        }
        Instant now = Instant.now();
        long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        buffer.flip();
        while (buffer.hasRemaining()) {
            s.feed(buffer, nowMicros);
        }
    }

    private void fail(Subscriber s, String why) {
        if (s != null && s.opening) {
            s.opening = false;
            opening--;
        }
        if (failures.incrementAndGet() == 1) {
            firstFailure = why;
        }
    }

    /** One connection's parse state and what it received; touched by the selector thread only. */
    final class Subscriber {
        final int index;
        SocketChannel channel;
        boolean listed;
        boolean opening;
        boolean subscribed;
        long resumeFrom = -1;
        int reconnects;
        long lastId = -1;
        boolean outOfOrder;
        /**
         * Pairs of (event id, arrival epoch micros) for the watched SKU's stock events; the time is
         * negated for an event that arrived as replay.
         */
        long[] samples = new long[64];

        int count;
        /** How many of the samples arrived as replay (before "subscribed" on a resumed connection). */
        int replayed;

        private boolean headersDone;
        private boolean chunked;
        private final byte[] head = new byte[8192];
        private int headLength;
        private int chunkState; // 0 size line, 1 data, 2 CRLF after data
        private long chunkLeft;
        private long chunkSize;
        private byte[] line = new byte[1024];
        private int lineLength;
        private long eventId = -1;
        private boolean stockEvent;
        private int dataStart = -1;
        private byte[] data = new byte[512];
        private int dataLength;

        Subscriber(int index) {
            this.index = index;
        }

        String request() {
            String r = request;
            if (resumeFrom >= 0) {
                r += "Last-Event-ID: " + resumeFrom + "\r\n";
            }
            return r + "\r\n";
        }

        void reset() {
            headersDone = false;
            chunked = false;
            headLength = 0;
            chunkState = 0;
            chunkLeft = 0;
            chunkSize = 0;
            lineLength = 0;
            eventId = -1;
            stockEvent = false;
            dataLength = 0;
        }

        void closeChannel() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the run is over for this connection
                }
            }
        }

        void feed(ByteBuffer in, long nowMicros) {
            if (!headersDone) {
                while (in.hasRemaining() && !headersDone) {
                    byte b = in.get();
                    if (headLength == head.length) {
                        throw new IllegalStateException("Response head too long");
                    }
                    head[headLength++] = b;
                    if (headLength >= 4
                            && head[headLength - 4] == '\r'
                            && head[headLength - 3] == '\n'
                            && head[headLength - 2] == '\r'
                            && head[headLength - 1] == '\n') {
                        String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
                        if (!text.startsWith("HTTP/1.1 200")) {
                            throw new IllegalStateException("Stream answered "
                                    + text.lines().findFirst().orElse(""));
                        }
                        chunked = text.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
                        headersDone = true;
                        if (opening) {
                            opening = false;
                            StreamSubscribers.this.opening--;
                        }
                    }
                }
                return;
            }
            if (!chunked) {
                while (in.hasRemaining()) {
                    body(in.get(), nowMicros);
                }
                return;
            }
            while (in.hasRemaining()) {
                switch (chunkState) {
                    case 0 -> {
                        byte b = in.get();
                        if (b == '\n') {
                            chunkLeft = chunkSize;
                            chunkSize = 0;
                            chunkState = chunkLeft == 0 ? 2 : 1;
                        } else if (b != '\r') {
                            chunkSize = chunkSize * 16 + Character.digit(b, 16);
                        }
                    }
                    case 1 -> {
                        int take = (int) Math.min(chunkLeft, in.remaining());
                        for (int i = 0; i < take; i++) {
                            body(in.get(), nowMicros);
                        }
                        chunkLeft -= take;
                        if (chunkLeft == 0) {
                            chunkState = 2;
                        }
                    }
                    default -> {
                        byte b = in.get();
                        if (b == '\n') {
                            chunkState = 0;
                        }
                    }
                }
            }
        }

        private void body(byte b, long nowMicros) {
            if (b != '\n') {
                if (b != '\r') {
                    if (lineLength == line.length) {
                        line = Arrays.copyOf(line, line.length * 2);
                    }
                    line[lineLength++] = b;
                }
                return;
            }
            line(nowMicros);
            lineLength = 0;
        }

        private void line(long nowMicros) {
            if (lineLength == 0) {
                if (stockEvent && eventId >= 0 && dataLength > 0) {
                    stock(eventId, nowMicros);
                }
                eventId = -1;
                stockEvent = false;
                dataLength = 0;
                return;
            }
            if (line[0] == ':') {
                if (!subscribed && startsWith(SUBSCRIBED)) {
                    subscribed = true;
                    StreamSubscribers.this.subscribed.incrementAndGet();
                }
                return;
            }
            if (startsWith("id:")) {
                long id = 0;
                for (int i = 3; i < lineLength; i++) {
                    if (line[i] >= '0' && line[i] <= '9') {
                        id = id * 10 + (line[i] - '0');
                    }
                }
                eventId = id;
            } else if (startsWith("event:")) {
                stockEvent = new String(line, 6, lineLength - 6, StandardCharsets.US_ASCII)
                        .trim()
                        .equals("stock");
            } else if (startsWith("data:")) {
                int from = line.length > 5 && line[5] == ' ' ? 6 : 5;
                int length = lineLength - from;
                if (data.length < length) {
                    data = new byte[length * 2];
                }
                System.arraycopy(line, from, data, 0, length);
                dataLength = length;
            }
        }

        private void stock(long id, long nowMicros) {
            Long at = committedAt.get(id);
            if (at == null) {
                String json = new String(data, 0, dataLength, StandardCharsets.UTF_8);
                at = json.contains("\"sku\":\"" + sku + "\"") ? commitMicros(json) : Long.MIN_VALUE;
                committedAt.put(id, at);
            }
            if (id <= lastId) {
                outOfOrder = true;
            }
            lastId = id;
            if (at == Long.MIN_VALUE) {
                return;
            }
            if (samples.length < 2 * (count + 1)) {
                samples = Arrays.copyOf(samples, samples.length * 2);
            }
            samples[2 * count] = id;
            samples[2 * count + 1] = subscribed ? nowMicros : -nowMicros;
            if (!subscribed) {
                replayed++;
            }
            count++;
            received.incrementAndGet();
        }

        private boolean startsWith(String prefix) {
            return startsWith(prefix.getBytes(StandardCharsets.US_ASCII));
        }

        private boolean startsWith(byte[] prefix) {
            if (lineLength < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (line[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static long commitMicros(String json) {
        int from = json.indexOf("\"at\":\"") + 6;
        Instant at = Instant.parse(json.substring(from, json.indexOf('"', from)));
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }
}
