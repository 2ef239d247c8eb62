package com.emporium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment may only alert and plot on metrics the application exports. Every metric name in the
 * PromQL of operator/base/prometheusrule.yaml and operator/base/grafana/*.json must appear in /metrics.
 *
 * <p>Which names count, by rule: an identifier in an expression that is not a PromQL function (followed
 * by "("), keyword or label name (inside {...} or by/without (...)), not a recording rule (contains
 * ":"), and not from another exporter: names starting with container_, kube_, node_, pg_, cnpg_,
 * barman_cloud_, certmanager_, redis_, process_ or the target's {@code up} series belong to cAdvisor,
 * kube-state-metrics, CloudNativePG and its backup plugin, cert-manager and the database exporters, not
 * to this application.
 */
class MetricsContractIT {
    private static final Pattern OTHER_EXPORTERS =
            Pattern.compile("^(container_|kube_|node_|pg_|cnpg_|barman_cloud_|certmanager_|redis_|process_|up$)");
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "and",
            "or",
            "unless",
            "offset",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "inf",
            "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Test
    void everyMetricTheDeploymentUsesIsExported() throws IOException {
        placeAndPayOneOrder();
        String metrics = Api.anonymous()
                .accept("text/plain")
                .get("/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Set<String> used = new TreeSet<>();
        for (String expr : expressions()) {
            used.addAll(metricNames(expr));
        }
        assertThat(used)
                .as("metric names found in operator/")
                .contains("emporium_orders_placed_total", "emporium_revenue_minor_total");
        List<String> missing = used.stream()
                .filter(name -> !Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]")
                        .matcher(metrics)
                        .find())
                .toList();
        assertThat(missing).as("metrics used by operator/ but not in /metrics").isEmpty();
        assertThat(metrics).contains("emporium_revenue_minor_total{currency=\"EUR\"");
    }

    @Test
    void theNameRuleSkipsFunctionsLabelsRecordingRulesAndOtherExporters() {
        assertThat(
                        metricNames(
                                "sum by (namespace, currency) (rate(emporium_revenue_minor_total{mp_scope=\"application\"}[30m]))"
                                        + " / sum(container_cpu_usage_seconds_total) and emporium:orders_placed:rate30m offset 1w > 0.5"))
                .containsExactly("emporium_revenue_minor_total");
    }

    static Set<String> metricNames(String expr) {
        String cleaned = expr.replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(cleaned);
        while (m.find()) {
            String name = m.group();
            String rest = cleaned.substring(m.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean numberPart = m.start() > 0 && Character.isDigit(cleaned.charAt(m.start() - 1));
            if (function
                    || numberPart
                    || KEYWORDS.contains(name.toLowerCase())
                    || name.contains(":")
                    || OTHER_EXPORTERS.matcher(name).find()) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    /** The PromQL of the alert rules (YAML expr values, block or inline) and of every dashboard panel. */
    private static List<String> expressions() throws IOException {
        Path operator = Path.of("operator", "base");
        List<String> exprs = new ArrayList<>();
        List<String> lines = Files.readAllLines(operator.resolve("prometheusrule.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("expr:");
            if (at < 0) {
                continue;
            }
            String inline = line.substring(at + 5).trim();
            if (!inline.equals("|") && !inline.equals(">")) {
                exprs.add(inline);
                continue;
            }
            int indent = line.indexOf(line.trim());
            StringBuilder block = new StringBuilder();
            while (i + 1 < lines.size()
                    && (lines.get(i + 1).isBlank()
                            || lines.get(i + 1).indexOf(lines.get(i + 1).trim()) > indent)) {
                block.append(lines.get(++i)).append('\n');
            }
            exprs.add(block.toString());
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> dashboards = Files.list(operator.resolve("grafana"))) {
            for (Path dashboard :
                    dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                json.readTree(dashboard.toFile()).findValues("expr").stream()
                        .map(JsonNode::asText)
                        .forEach(exprs::add);
            }
        }
        assertThat(exprs).as("expressions in operator/").isNotEmpty();
        return exprs;
    }

    private static void placeAndPayOneOrder() {
        com.emporium.orders.CheckoutSupport.placeAndPayOneOrder();
    }
}
