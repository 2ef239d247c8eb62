package com.emporium.platform.security.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** The in-process fallback: the same fixed windows, counted per replica while Redis is unreachable. */
final class LocalWindows {
    private static final int MAX_KEYS = 100_000;

    private record Window(long startedAtMillis, long count) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    LocalWindows(LongSupplier clock) {
        this.clock = clock;
    }

    /** Counts a request; answers the count in the current window and the milliseconds it has left. */
    long[] count(String key, Duration window) {
        long now = clock.getAsLong();
        long length = window.toMillis();
        if (windows.size() > MAX_KEYS) {
            windows.entrySet().removeIf(e -> now - e.getValue().startedAtMillis() >= length);
        }
        Window w = windows.compute(
                key,
                (k, old) -> old == null || now - old.startedAtMillis() >= length
                        ? new Window(now, 1)
                        : new Window(old.startedAtMillis(), old.count() + 1));
        return new long[] {w.count(), length - (now - w.startedAtMillis())};
    }
}
