package com.emporium.loyalty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The shop's loyalty settings, read once; docs/configuration.md lists them with their defaults. */
@ApplicationScoped
public class LoyaltyRules {
    @Inject
    @ConfigProperty(name = "emporium.loyalty.earn-rates", defaultValue = "EUR:1,GBP:1,USD:1")
    String earnRates;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.point-values", defaultValue = "EUR:1,GBP:1,USD:1")
    String pointValues;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.max-share-percent", defaultValue = "50")
    int maxSharePercent;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.pending-days", defaultValue = "14")
    long pendingDays;

    /** Added to the days; a window of a minute or two lets a demo watch points go from pending to available. */
    @Inject
    @ConfigProperty(name = "emporium.loyalty.pending-minutes", defaultValue = "0")
    long pendingMinutes;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.expiry-months", defaultValue = "12")
    long expiryMonths;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.silver-spend", defaultValue = "EUR:50000,GBP:45000,USD:55000")
    String silverSpend;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.gold-spend", defaultValue = "EUR:150000,GBP:130000,USD:165000")
    String goldSpend;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.tier-window-months", defaultValue = "12")
    long tierWindowMonths;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.bronze-multiplier-percent", defaultValue = "100")
    long bronzeMultiplier;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.silver-multiplier-percent", defaultValue = "125")
    long silverMultiplier;

    @Inject
    @ConfigProperty(name = "emporium.loyalty.gold-multiplier-percent", defaultValue = "150")
    long goldMultiplier;

    private Map<String, Long> earn;
    private Map<String, Long> value;
    private Map<String, Long> silver;
    private Map<String, Long> gold;

    /** Points earned per 100 minor units paid, by currency; a currency not listed earns nothing. */
    Optional<Long> earnRate(String currency) {
        if (earn == null) {
            earn = parse("emporium.loyalty.earn-rates", earnRates);
        }
        return Optional.ofNullable(earn.get(currency));
    }

    /** Minor units one point is worth at checkout, by currency; a currency not listed cannot redeem. */
    Optional<Long> pointValue(String currency) {
        if (value == null) {
            value = parse("emporium.loyalty.point-values", pointValues);
        }
        return Optional.ofNullable(value.get(currency));
    }

    /** Every currency with a point value, for the liability gauges. */
    Map<String, Long> pointValues() {
        pointValue("EUR");
        return value;
    }

    /** The tier that this paid spend (minor units per currency, inside the window) reaches. */
    Tier tierFor(Map<String, Long> spendByCurrency) {
        if (silver == null || gold == null) {
            silver = parse("emporium.loyalty.silver-spend", silverSpend);
            gold = parse("emporium.loyalty.gold-spend", goldSpend);
        }
        return Tier.reached(spendByCurrency, silver, gold);
    }

    /** Earned points are multiplied by this percentage for the tier (100 leaves them as they are). */
    long multiplierPercent(Tier tier) {
        long percent = switch (tier) {
            case BRONZE -> bronzeMultiplier;
            case SILVER -> silverMultiplier;
            case GOLD -> goldMultiplier;
        };
        if (percent < 0) {
            throw new IllegalStateException(
                    "emporium.loyalty." + tier.label() + "-multiplier-percent must not be negative");
        }
        return percent;
    }

    /** Spend paid before this instant no longer counts towards the tier. */
    Instant tierWindowStart(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(tierWindowMonths).toInstant();
    }

    /** When spend paid at {@code paidAt} leaves the tier window. */
    Instant leavesTierWindow(Instant paidAt) {
        return paidAt.atOffset(ZoneOffset.UTC).plusMonths(tierWindowMonths).toInstant();
    }

    /** The most of an order's total, in minor units, that points may pay. */
    long maxRedeemableValue(long orderTotal) {
        return Math.multiplyExact(orderTotal, (long) maxSharePercent) / 100;
    }

    Instant availableFrom(Instant paidAt) {
        return paidAt.plus(Duration.ofDays(pendingDays)).plus(Duration.ofMinutes(pendingMinutes));
    }

    Instant expiryOf(Instant availableAt) {
        return availableAt.atOffset(ZoneOffset.UTC).plusMonths(expiryMonths).toInstant();
    }

    private static Map<String, Long> parse(String key, String text) {
        Map<String, Long> out = new HashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.trim().split(":");
            if (parts.length != 2 || !parts[0].trim().matches("[A-Za-z]{3}")) {
                throw new IllegalStateException(key + " must look like EUR:1,USD:1; found '" + pair.trim() + "'");
            }
            long amount = Long.parseLong(parts[1].trim());
            if (amount <= 0) {
                throw new IllegalStateException(key + " needs positive whole numbers; found '" + pair.trim() + "'");
            }
            out.put(parts[0].trim().toUpperCase(Locale.ROOT), amount);
        }
        return Map.copyOf(out);
    }
}
