package com.emporium.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints one line per endpoint from the newest Gatling reports: throughput over the measured window
 * (warm-up excluded) and the p50/p95/p99 response times. With bench.runs=N (default 1) it takes the
 * newest N runs and prints the median of each figure across them.
 */
public final class GatlingSummary {
    private static final Pattern ROW = Pattern.compile("<tr id=\"(req_[^\"]+)\"(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>");
    private static final Pattern CELL = Pattern.compile("class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
    private static final Pattern HEADER = Pattern.compile("id=\"col-(\\d+)\"[^>]*><span>(?:<abbr[^>]*>)?([^<]+)<");

    /** The simulation's request names, in the order of its mix. */
    private static final List<String> ORDER = List.of(
            "list newest",
            "list category",
            "filter price",
            "filter attribute",
            "search",
            "detail",
            "page 2 (first page)",
            "page 2 (cursor)",
            "create cart",
            "add line 1",
            "add line 2",
            "place order",
            "pay");

    private record Run(
            Path dir, double measuredSeconds, double rate, Map<String, Map<String, Double>> rows, Properties props) {}

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "target/gatling");
        int runs = Integer.parseInt(Settings.get("bench.runs", "1"));
        List<Path> dirs;
        try (Stream<Path> s = Files.list(results)) {
            dirs = s.filter(d ->
                            Files.exists(d.resolve("index.html")) && Files.exists(d.resolve("bench-run.properties")))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .limit(runs)
                    .toList();
        }
        if (dirs.isEmpty()) {
            throw new IllegalStateException("No benchmark report under " + results + "; run gatling:test first.");
        }
        List<Run> parsed = new ArrayList<>();
        for (Path dir : dirs) {
            parsed.add(parse(dir));
        }
        System.out.printf(
                "%nBenchmark: %s of %d run(s): %s%n",
                runs == 1 ? "figures" : "medians",
                parsed.size(),
                parsed.stream().map(r -> r.dir().getFileName().toString()).toList());
        System.out.printf(
                "Offered load %.1f req arrivals/s, %.0f s measured per run%n%n",
                parsed.get(0).rate(), parsed.get(0).measuredSeconds());
        System.out.printf(
                "%-22s %8s %6s %8s %8s %8s %8s %8s%n",
                "endpoint", "requests", "KO", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        List<String> endpoints = new ArrayList<>(ORDER);
        parsed.get(0).rows().keySet().stream()
                .filter(e -> !endpoints.contains(e))
                .forEach(endpoints::add);
        double totalRate = 0;
        for (String endpoint : endpoints) {
            if (!parsed.get(0).rows().containsKey(endpoint)) {
                continue;
            }
            if (endpoint.equals("warm-up")) {
                continue;
            }
            double count = median(parsed, endpoint, "Total");
            double rate = medianRate(parsed, endpoint);
            totalRate += rate;
            System.out.printf(
                    "%-22s %8.0f %6.0f %8.2f %8.0f %8.0f %8.0f %8.0f%n",
                    endpoint,
                    count,
                    median(parsed, endpoint, "KO"),
                    rate,
                    median(parsed, endpoint, "50th pct"),
                    median(parsed, endpoint, "95th pct"),
                    median(parsed, endpoint, "99th pct"),
                    median(parsed, endpoint, "Max"));
        }
        System.out.printf("%-22s %8s %6s %8.2f%n", "all (measured)", "", "", totalRate);
        Properties checkout = parsed.get(0).props();
        if (checkout.containsKey("ordersPerSecond")) {
            System.out.printf(
                    "%nCheckout (newest run): %s orders/s paid; database: %s orders, %s duplicates, %s oversold stock rows; "
                            + "outbox delivery lag p50 %s ms, p99 %s ms%n",
                    checkout.getProperty("ordersPerSecond"),
                    checkout.getProperty("orders", "?"),
                    checkout.getProperty("duplicates", "?"),
                    checkout.getProperty("oversold", "?"),
                    checkout.getProperty("outboxLagP50Ms", "?"),
                    checkout.getProperty("outboxLagP99Ms", "?"));
        }
        System.out.println();
        System.out.println("HTML reports with plots: " + dirs.get(0).resolve("index.html"));
    }

    private static Run parse(Path dir) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("bench-run.properties"))) {
            props.load(in);
        }
        String html = Files.readString(dir.resolve("index.html"));
        Map<Integer, String> headers = new LinkedHashMap<>();
        Matcher h = HEADER.matcher(html);
        while (h.find()) {
            headers.put(Integer.parseInt(h.group(1)), h.group(2).trim());
        }
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(2));
            if (!name.find()) {
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                String header = headers.get(Integer.parseInt(cell.group(1)));
                String text = cell.group(2).trim();
                if (header != null && !text.isEmpty() && !text.equals("-")) {
                    values.put(header, Double.parseDouble(text));
                }
            }
            rows.put(name.group(1).trim(), values);
        }
        return new Run(
                dir,
                Double.parseDouble(props.getProperty("duration")),
                Double.parseDouble(props.getProperty("rate")),
                rows,
                props);
    }

    private static double median(List<Run> runs, String endpoint, String column) {
        return median(runs.stream()
                .mapToDouble(r -> r.rows().getOrDefault(endpoint, Map.of()).getOrDefault(column, Double.NaN))
                .toArray());
    }

    private static double medianRate(List<Run> runs, String endpoint) {
        return median(runs.stream()
                .mapToDouble(r -> r.rows().getOrDefault(endpoint, Map.of()).getOrDefault("Total", Double.NaN)
                        / r.measuredSeconds())
                .toArray());
    }

    private static double median(double[] values) {
        double[] v =
                Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
