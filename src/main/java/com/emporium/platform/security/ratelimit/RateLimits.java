package com.emporium.platform.security.ratelimit;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The configured limits (docs/security.md has the table), read once per application and injected
 * wherever a limit is checked, so the filters and the credential use cases apply the same numbers.
 */
public record RateLimits(Limit perIp, Limit authPerIp, Limit perUser, Limit loginPerAccount, Limit passwordPerAccount) {

    static RateLimits load() {
        Config c = ConfigProvider.getConfig();
        Duration minute = Duration.ofSeconds(c.getOptionalValue("emporium.ratelimit.window-seconds", Long.class)
                .orElse(60L));
        Duration loginWindow =
                Duration.ofSeconds(c.getOptionalValue("emporium.ratelimit.login.window-seconds", Long.class)
                        .orElse(900L));
        return new RateLimits(
                new Limit(
                        "ip",
                        c.getOptionalValue("emporium.ratelimit.per-ip", Integer.class)
                                .orElse(300),
                        minute,
                        false),
                new Limit(
                        "auth-ip",
                        c.getOptionalValue("emporium.ratelimit.auth.per-ip", Integer.class)
                                .orElse(20),
                        minute,
                        true),
                new Limit(
                        "user",
                        c.getOptionalValue("emporium.ratelimit.per-user", Integer.class)
                                .orElse(600),
                        minute,
                        false),
                new Limit(
                        "login-account",
                        c.getOptionalValue("emporium.ratelimit.login.per-account", Integer.class)
                                .orElse(10),
                        loginWindow,
                        true),
                new Limit(
                        "password-account",
                        c.getOptionalValue("emporium.ratelimit.password.per-account", Integer.class)
                                .orElse(5),
                        loginWindow,
                        true));
    }
}
