package emporium.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural checks of PrometheusRule and of the Grafana dashboard ConfigMap. No CRD schema of
 * the Prometheus Operator is available offline: the typed fabric8 model (CoreSchemaValidator)
 * rejects unknown fields, and these rules add what the model cannot say. PromQL is not parsed.
 */
public final class MonitoringChecks {

    private static final Set<String> REQUIRED_ALERTS = Set.of(
            "EmporiumTargetDown", "EmporiumMetricsAbsent", "EmporiumPodRestarting", "EmporiumCertificateExpiring",
            "EmporiumBrowseLatencyHigh", "EmporiumCheckoutLatencyHigh", "EmporiumAuthLatencyHigh",
            "EmporiumHigh5xxRate", "EmporiumHighCpu", "EmporiumHighMemory", "EmporiumPostgresDown",
            "EmporiumWalArchiveStale", "EmporiumBackupTooOld", "EmporiumRedisDown", "EmporiumOrderRateUnusual");

    /** Summary quantiles of one pod cannot be aggregated and leave out the servlet filters. */
    private static final Pattern SUMMARY_QUANTILE = Pattern.compile("quantile\\s*=~?\\s*\"");

    private MonitoringChecks() {
    }

    public static List<String> prometheusRule(Manifest m) {
        List<String> problems = new ArrayList<>();
        Set<String> alerts = new HashSet<>();
        JsonNode groups = m.node().path("spec").path("groups");
        if (groups.isEmpty()) {
            problems.add("no rule groups");
        }
        Set<String> groupNames = new HashSet<>();
        for (JsonNode g : groups) {
            if (!groupNames.add(g.path("name").asText())) {
                problems.add("duplicate group name " + g.path("name").asText());
            }
            if (g.path("rules").isEmpty()) {
                problems.add("group " + g.path("name").asText() + " has no rules");
            }
            for (JsonNode r : g.path("rules")) {
                boolean alert = r.hasNonNull("alert");
                boolean record = r.hasNonNull("record");
                String name = alert ? r.path("alert").asText() : r.path("record").asText();
                if (alert == record) {
                    problems.add("a rule must have exactly one of alert/record: " + r);
                }
                if (SUMMARY_QUANTILE.matcher(r.path("expr").asText("")).find()) {
                    problems.add(name + ": uses summary quantiles; use histogram_quantile over _bucket series");
                }
                if (r.path("expr").asText("").isBlank()) {
                    problems.add(name + ": expr empty");
                }
                if (!balanced(r.path("expr").asText(""))) {
                    problems.add(name + ": unbalanced brackets in expr");
                }
                if (r.has("for") && !r.path("for").asText().matches("(\\d+(ms|s|m|h|d|w|y))+")) {
                    problems.add(name + ": invalid duration for: " + r.path("for").asText());
                }
                if (record && !name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                    problems.add(name + ": invalid metric name");
                }
                if (alert) {
                    alerts.add(name);
                    if (!r.path("labels").path("severity").asText("").matches("critical|warning|info")) {
                        problems.add(name + ": labels.severity must be critical, warning or info");
                    }
                    for (String a : List.of("summary", "description", "runbook_url")) {
                        if (r.path("annotations").path(a).asText("").isBlank()) {
                            problems.add(name + ": annotation " + a + " missing");
                        }
                    }
                }
            }
        }
        for (String required : REQUIRED_ALERTS) {
            if (!alerts.contains(required)) {
                problems.add("alert " + required + " missing");
            }
        }
        return problems;
    }

    public static List<String> dashboard(Manifest cm) {
        List<String> problems = new ArrayList<>();
        if (!"1".equals(cm.node().path("metadata").path("labels").path("grafana_dashboard").asText())) {
            problems.add("label grafana_dashboard=\"1\" missing");
        }
        JsonNode data = cm.node().path("data");
        if (data.isEmpty()) {
            problems.add("no dashboard JSON in data");
        }
        data.fields().forEachRemaining(e -> {
            try {
                JsonNode d = Manifest.YAML.readTree(e.getValue().asText());
                if (d.path("title").asText("").isBlank() || d.path("uid").asText("").isBlank()) {
                    problems.add(e.getKey() + ": title and uid required");
                }
                int targets = 0;
                for (JsonNode p : d.path("panels")) {
                    for (JsonNode t : p.path("targets")) {
                        if (t.path("expr").asText("").isBlank()) {
                            problems.add(e.getKey() + ": panel '" + p.path("title").asText() + "' has an empty query");
                        }
                        targets++;
                    }
                }
                if (targets == 0) {
                    problems.add(e.getKey() + ": no panel queries");
                }
                String all = d.toString();
                for (String metric : List.of("http_server_request_duration_seconds_bucket",
                        "http_server_request_duration_seconds_count", "connectionpool_freeConnections",
                        "container_cpu_usage_seconds_total", "container_memory_working_set_bytes",
                        "emporium_orders_placed_total", "emporium_revenue_minor_total",
                        "cnpg_pg_stat_archiver_seconds_since_last_archival")) {
                    if (!all.contains(metric)) {
                        problems.add(e.getKey() + ": no panel uses " + metric);
                    }
                }
            } catch (Exception ex) {
                problems.add(e.getKey() + " is not valid JSON: " + ex.getMessage());
            }
        });
        return problems;
    }

    /**
     * Every runbook_url must point at a heading of docs/operations.md ("docs/operations.md#anchor",
     * anchors as GitHub renders them), so that the link an on-call engineer follows resolves.
     */
    public static List<String> runbooks(Manifest rule, String operationsMarkdown) {
        Set<String> anchors = new HashSet<>();
        for (String line : operationsMarkdown.split("\n")) {
            Matcher h = Pattern.compile("^#{1,6}\\s+(.*)$").matcher(line);
            if (h.matches()) {
                anchors.add(h.group(1).trim().toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode g : rule.node().path("spec").path("groups")) {
            for (JsonNode r : g.path("rules")) {
                if (!r.hasNonNull("alert")) {
                    continue;
                }
                String url = r.path("annotations").path("runbook_url").asText("");
                String prefix = "docs/operations.md#";
                if (!url.startsWith(prefix)) {
                    problems.add(r.path("alert").asText() + ": runbook_url " + url + " is not a docs/operations.md anchor");
                } else if (!anchors.contains(url.substring(prefix.length()))) {
                    problems.add(r.path("alert").asText() + ": runbook anchor #" + url.substring(prefix.length())
                            + " has no heading in docs/operations.md");
                }
            }
        }
        return problems;
    }

    private static boolean balanced(String s) {
        int round = 0;
        int square = 0;
        int curly = 0;
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (quoted) {
                continue;
            }
            switch (c) {
                case '(' -> round++;
                case ')' -> round--;
                case '[' -> square++;
                case ']' -> square--;
                case '{' -> curly++;
                case '}' -> curly--;
                default -> { }
            }
            if (round < 0 || square < 0 || curly < 0) {
                return false;
            }
        }
        return round == 0 && square == 0 && curly == 0 && !quoted;
    }
}
