package com.emporium.flags;

import com.emporium.bench.Settings;
import dev.openfeature.contrib.providers.flagd.Config;
import dev.openfeature.contrib.providers.flagd.FlagdOptions;
import dev.openfeature.contrib.providers.flagd.FlagdProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.util.Arrays;
import java.util.Locale;

/**
 * Throughput of one flag evaluation through the OpenFeature client, in-process, with the flagd engine
 * the application uses reading the developer flag file. The flag evaluated is the fractional rollout
 * (JsonLogic targeting plus hashing of the targeting key), the most work a flag in the file does; the
 * targeting key changes on every call so no bucket is reused. Warm-up rounds let the JIT settle, then
 * the median of the measured rounds is printed.
 *
 * <p>Settings (system property or env var): bench.flags.file (liberty/config/flags.json),
 * bench.flags.key (storefront-new-product-page), bench.rounds (10), bench.warmupRounds (30),
 * bench.roundMillis (1000).
 */
public final class FlagEvaluationBenchmark {
    private FlagEvaluationBenchmark() {}

    public static void main(String[] args) throws Exception {
        String file = Settings.get("bench.flags.file", "liberty/config/flags.json");
        String key = Settings.get("bench.flags.key", "storefront-new-product-page");
        int rounds = Integer.parseInt(Settings.get("bench.rounds", "10"));
        int warmups = Integer.parseInt(Settings.get("bench.warmupRounds", "30"));
        long roundMillis = Long.parseLong(Settings.get("bench.roundMillis", "1000"));

        FlagdProvider provider = new FlagdProvider(FlagdOptions.builder()
                .resolverType(Config.Resolver.IN_PROCESS)
                .offlineFlagSourcePath(file)
                // The first parse of the file may take longer than the 1 s default on a loaded machine.
                .deadline(30_000)
                .build());
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        api.setProviderAndWait("bench", provider);
        Client client = api.getClient("bench");
        try {
            long on = 0;
            for (int i = 0; i < warmups; i++) {
                on += round(client, key, roundMillis).on;
            }
            double[] opsPerSecond = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                Result r = round(client, key, roundMillis);
                opsPerSecond[i] = r.calls * 1000.0 / r.millis;
                on += r.on;
                System.out.printf(Locale.ROOT, "round %2d: %,.0f evaluations/s%n", i + 1, opsPerSecond[i]);
            }
            Arrays.sort(opsPerSecond);
            double median = rounds % 2 == 1
                    ? opsPerSecond[rounds / 2]
                    : (opsPerSecond[rounds / 2 - 1] + opsPerSecond[rounds / 2]) / 2;
            System.out.printf(
                    Locale.ROOT,
                    "flag %s: median %,.0f evaluations/s over %d rounds of %d ms (after %d warm-up rounds);"
                            + " %d answered true%n",
                    key,
                    median,
                    rounds,
                    roundMillis,
                    warmups,
                    on);
        } finally {
            api.shutdown();
        }
    }

    private record Result(long calls, long millis, long on) {}

    private static Result round(Client client, String key, long millis) {
        long calls = 0;
        long on = 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long now;
        do {
            for (int i = 0; i < 1000; i++) {
                EvaluationContext context = new MutableContext("guest-" + (calls + i)).add("role", "customer");
                if (client.getBooleanValue(key, false, context)) {
                    on++;
                }
            }
            calls += 1000;
            now = System.nanoTime();
        } while (now < end);
        return new Result(calls, (now - start) / 1_000_000, on);
    }
}
