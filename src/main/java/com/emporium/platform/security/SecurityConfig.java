package com.emporium.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The HTTP-edge security settings, read once by the servlet filters that apply them. */
public record SecurityConfig(Set<String> allowedOrigins, List<String> trustedProxies) {

    public static SecurityConfig load() {
        Config config = ConfigProvider.getConfig();
        return new SecurityConfig(
                list(config, "emporium.cors.allowed-origins").stream()
                        .filter(o -> !o.equals("*")) // a wildcard with credentials is never acceptable
                        .map(SecurityConfig::normalizeOrigin)
                        .collect(Collectors.toUnmodifiableSet()),
                list(config, "emporium.http.trusted-proxies"));
    }

    private static List<String> list(Config config, String key) {
        return config.getOptionalValue(key, String.class).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static String normalizeOrigin(String origin) {
        String o = origin.trim().toLowerCase(java.util.Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(normalizeOrigin(origin));
    }
}
