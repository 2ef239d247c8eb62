package com.emporium.bench;

import java.util.Locale;

/** Benchmark settings: a system property (-Dbench.db.url=...) wins over an env var (BENCH_DB_URL). */
public final class Settings {
    private Settings() {}

    public static String get(String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    public static String dbUrl() {
        return get("bench.db.url", "jdbc:postgresql://localhost:15432/postgres");
    }

    public static String dbUser() {
        return get("bench.db.user", "postgres");
    }

    public static String dbPassword() {
        return get("bench.db.password", "");
    }
}
