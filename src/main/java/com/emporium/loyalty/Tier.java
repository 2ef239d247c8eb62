package com.emporium.loyalty;

import java.util.Locale;
import java.util.Map;

/**
 * A customer's standing by paid spend over the tier window. Spend is never converted between
 * currencies: each currency is compared with its own thresholds, and the highest tier reached in any
 * one currency counts. A currency without thresholds never lifts an account above bronze.
 */
public enum Tier {
    BRONZE,
    SILVER,
    GOLD;

    static Tier reached(Map<String, Long> spendByCurrency, Map<String, Long> silver, Map<String, Long> gold) {
        Tier best = BRONZE;
        for (Map.Entry<String, Long> spend : spendByCurrency.entrySet()) {
            Tier here = BRONZE;
            Long goldFrom = gold.get(spend.getKey());
            Long silverFrom = silver.get(spend.getKey());
            if (goldFrom != null && spend.getValue() >= goldFrom) {
                here = GOLD;
            } else if (silverFrom != null && spend.getValue() >= silverFrom) {
                here = SILVER;
            }
            if (here.compareTo(best) > 0) {
                best = here;
            }
        }
        return best;
    }

    /** The name on the wire and in settings: {@code bronze}, {@code silver}, {@code gold}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
