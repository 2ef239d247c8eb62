package emporium.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Policy checks on one rendered overlay (plus the Secret template and the configuration table). */
public final class PolicyChecks {

    /** Values that look like real credentials rather than placeholders. */
    private static final List<Pattern> SECRET_LOOKING = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*(PRIVATE|PUBLIC) KEY-----"),
            Pattern.compile("\\b(sk|rk|pk)_(live|test)_[0-9A-Za-z]{8,}"),
            Pattern.compile("\\bwhsec_[0-9A-Za-z]{8,}"),
            Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("(?i)(password|passwd|secret|token)\\s*[=:]\\s*[^\\s<$]{4,}"),
            Pattern.compile("://[^/\\s:@]+:[^/\\s@<]+@"));
    private static final Pattern PLACEHOLDER = Pattern.compile("^<[A-Z0-9_]+>$");
    private static final Set<String> WORKLOADS = Set.of("StatefulSet", "Deployment", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod");
    private static final Map<String, String> PROBES = Map.of(
            "startup", "/health/started", "liveness", "/health/live", "readiness", "/health/ready");
    private static final List<String> WRITABLE = List.of("/logs", "/opt/ol/wlp/output", "/tmp");
    /** Where the OpenJ9 images keep the shared class cache that configure.sh fills at image build time. */
    static final String CLASS_CACHE = "/opt/java/.scc";

    private PolicyChecks() {
    }

    public static void run(String render, List<Manifest> objects, List<Manifest> secretTemplate,
                           List<ConfigurationTable.Entry> config, Report report) {
        List<Manifest> apps = objects.stream().filter(m -> m.kind().equals("OpenLibertyApplication")).toList();
        report.check(render + ": one OpenLibertyApplication", apps.size() == 1 ? List.of() : List.of("found " + apps.size()));
        for (Manifest app : apps) {
            openLibertyApplication(render, app, objects, secretTemplate, report);
        }
        for (Manifest m : objects) {
            if (WORKLOADS.contains(m.kind())) {
                workload(render, m, report);
            }
        }
        networkPolicies(render, objects, report);
        List<String> pdb = objects.stream().anyMatch(m -> m.kind().equals("PodDisruptionBudget")
                && "emporium".equals(m.node().at("/spec/selector/matchLabels/app.kubernetes.io~1instance").asText()))
                ? List.of() : List.of("no PodDisruptionBudget selects app.kubernetes.io/instance=emporium");
        report.check(render + ": PodDisruptionBudget for the app", pdb);
        secretsInPlainText(render, objects, report);
        configCoverage(render, objects, secretTemplate, config, report);
    }

    /**
     * A mount on the class cache's directory or any directory above it replaces what the image built
     * there with an empty volume: every pod would start without its ahead-of-time compiled classes.
     */
    static List<String> classCacheHidden(JsonNode volumeMounts) {
        List<String> hidden = new ArrayList<>();
        for (JsonNode vm : volumeMounts) {
            String path = vm.path("mountPath").asText().replaceAll("/+$", "");
            if (!path.isEmpty() && (CLASS_CACHE.equals(path) || CLASS_CACHE.startsWith(path + "/"))) {
                hidden.add("volume mount " + vm.path("name").asText() + " on " + path + " hides the class cache at " + CLASS_CACHE);
            }
        }
        return hidden;
    }

    static void openLibertyApplication(String render, Manifest app, List<Manifest> objects, List<Manifest> secretTemplate, Report report) {
        JsonNode spec = app.node().path("spec");
        String id = render + ": " + app.kind() + "/" + app.name();

        List<String> probes = new ArrayList<>();
        PROBES.forEach((probe, path) -> {
            JsonNode p = spec.path("probes").path(probe);
            if (p.isMissingNode()) {
                probes.add(probe + " probe missing");
            } else if (!path.equals(p.path("httpGet").path("path").asText())) {
                probes.add(probe + " probe must GET " + path);
            } else if (p.path("httpGet").path("port").isMissingNode()) {
                probes.add(probe + " probe has no port");
            }
        });
        report.check(id + " probes on /health/started|live|ready", probes);

        report.check(id + " resources set", resources(spec.path("resources")));
        report.check(id + " container security", containerSecurity(spec.path("securityContext"), true));

        List<String> writable = new ArrayList<>();
        Set<String> emptyDirs = new HashSet<>();
        spec.path("volumes").forEach(v -> {
            if (v.has("emptyDir")) {
                emptyDirs.add(v.path("name").asText());
            }
        });
        for (String dir : WRITABLE) {
            boolean mounted = false;
            for (JsonNode vm : spec.path("volumeMounts")) {
                if (dir.equals(vm.path("mountPath").asText()) && emptyDirs.contains(vm.path("name").asText())) {
                    mounted = true;
                }
            }
            if (!mounted) {
                writable.add(dir + " is not an emptyDir mount");
            }
        }
        report.check(id + " writable emptyDirs for a read-only root filesystem", writable);
        report.check(id + " the image's class cache stays visible", classCacheHidden(spec.path("volumeMounts")));

        List<String> scaling = new ArrayList<>();
        JsonNode as = spec.path("autoscaling");
        int min = as.path("minReplicas").asInt(0);
        int max = as.path("maxReplicas").asInt(0);
        if (min < 1 || max < min) {
            scaling.add("autoscaling needs 1 <= minReplicas <= maxReplicas (" + min + ", " + max + ")");
        }
        int cpu = as.path("targetCPUUtilizationPercentage").asInt(0);
        if (cpu < 1 || cpu > 100) {
            scaling.add("targetCPUUtilizationPercentage must be 1..100");
        }
        report.check(id + " autoscaling", scaling);

        List<String> features = new ArrayList<>();
        if (spec.path("manageTLS").isBoolean() && !spec.path("manageTLS").asBoolean()) {
            features.add("manageTLS is false");
        }
        boolean metrics = false;
        for (JsonNode e : spec.path("monitoring").path("endpoints")) {
            metrics |= "/metrics".equals(e.path("path").asText());
        }
        if (!metrics) {
            features.add("monitoring has no endpoint on /metrics");
        }
        String image = spec.path("applicationImage").asText();
        if (!image.matches(".+:[A-Za-z0-9_.-]+$") && !image.contains("@sha256:") || image.endsWith(":latest")) {
            features.add("applicationImage " + image + " is not pinned to a tag");
        }
        report.check(id + " manageTLS, monitoring, image", features);

        List<String> env = new ArrayList<>();
        boolean cm = false;
        boolean secret = false;
        for (JsonNode e : spec.path("envFrom")) {
            String cmName = e.path("configMapRef").path("name").asText(null);
            String secName = e.path("secretRef").path("name").asText(null);
            if (cmName != null) {
                cm = true;
                if (objects.stream().noneMatch(m -> m.kind().equals("ConfigMap") && m.name().equals(cmName))) {
                    env.add("envFrom ConfigMap " + cmName + " is not rendered");
                }
            }
            if (secName != null) {
                secret = true;
                if (secretTemplate.stream().noneMatch(m -> m.kind().equals("Secret") && m.name().equals(secName))) {
                    env.add("envFrom Secret " + secName + " has no template in operator/secret-template.yaml");
                }
            }
        }
        if (!cm || !secret) {
            env.add("envFrom needs a ConfigMap and a Secret");
        }
        report.check(id + " envFrom ConfigMap and Secret", env);
    }

    static void workload(String render, Manifest m, Report report) {
        String id = render + ": " + m.kind() + "/" + m.name();
        JsonNode pod = m.node().at("/spec/template/spec");
        if (m.kind().equals("Pod")) {
            pod = m.node().path("spec");
        } else if (m.kind().equals("CronJob")) {
            pod = m.node().at("/spec/jobTemplate/spec/template/spec");
        }
        List<String> problems = new ArrayList<>();
        JsonNode psc = pod.path("securityContext");
        if (!psc.path("runAsNonRoot").asBoolean(false)) {
            problems.add("pod securityContext.runAsNonRoot is not true");
        }
        if (!"RuntimeDefault".equals(psc.at("/seccompProfile/type").asText())) {
            problems.add("pod seccompProfile is not RuntimeDefault");
        }
        if (pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false) || pod.path("hostIPC").asBoolean(false)) {
            problems.add("uses host namespaces");
        }
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        if (pod.path("containers").isEmpty()) {
            problems.add("no containers");
        }
        for (JsonNode c : containers) {
            String cn = "container " + c.path("name").asText();
            boolean init = false;
            for (JsonNode ic : pod.path("initContainers")) {
                init |= ic == c;
            }
            if (!init) {
                if (c.path("livenessProbe").isMissingNode()) {
                    problems.add(cn + ": livenessProbe missing");
                }
                if (c.path("readinessProbe").isMissingNode()) {
                    problems.add(cn + ": readinessProbe missing");
                }
            }
            resources(c.path("resources")).forEach(p -> problems.add(cn + ": " + p));
            containerSecurity(c.path("securityContext"), false).forEach(p -> problems.add(cn + ": " + p));
            String image = c.path("image").asText();
            if (!image.matches(".+:[A-Za-z0-9_.-]*\\d[A-Za-z0-9_.-]*$") && !image.contains("@sha256:") || image.endsWith(":latest")) {
                problems.add(cn + ": image " + image + " is not pinned to a version tag");
            }
        }
        report.check(id + " probes, resources, security", problems);
    }

    static List<String> resources(JsonNode r) {
        List<String> out = new ArrayList<>();
        for (String kind : List.of("requests", "limits")) {
            for (String res : List.of("cpu", "memory")) {
                if (r.path(kind).path(res).asText("").isEmpty()) {
                    out.add("resources." + kind + "." + res + " missing");
                }
            }
        }
        return out;
    }

    static List<String> containerSecurity(JsonNode sc, boolean requireNonRoot) {
        List<String> out = new ArrayList<>();
        if (sc.isMissingNode()) {
            return List.of("securityContext missing");
        }
        if (requireNonRoot && !sc.path("runAsNonRoot").asBoolean(false)) {
            out.add("runAsNonRoot is not true");
        }
        if (sc.has("runAsNonRoot") && !sc.path("runAsNonRoot").asBoolean()) {
            out.add("runAsNonRoot is false");
        }
        if (sc.path("runAsUser").isInt() && sc.path("runAsUser").asInt() == 0) {
            out.add("runs as uid 0");
        }
        if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
            out.add("allowPrivilegeEscalation is not false");
        }
        if (sc.path("privileged").asBoolean(false)) {
            out.add("privileged");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
            out.add("readOnlyRootFilesystem is not true");
        }
        boolean dropAll = false;
        for (JsonNode d : sc.path("capabilities").path("drop")) {
            dropAll |= "ALL".equals(d.asText());
        }
        if (!dropAll) {
            out.add("capabilities do not drop ALL");
        }
        if (!sc.path("capabilities").path("add").isEmpty()) {
            out.add("adds capabilities");
        }
        if (requireNonRoot && !"RuntimeDefault".equals(sc.at("/seccompProfile/type").asText())) {
            out.add("seccompProfile is not RuntimeDefault");
        }
        return out;
    }

    static void networkPolicies(String render, List<Manifest> objects, Report report) {
        List<Manifest> nps = objects.stream().filter(m -> m.kind().equals("NetworkPolicy")).toList();
        boolean defaultDeny = nps.stream().anyMatch(np -> {
            JsonNode s = np.node().path("spec");
            Set<String> types = new HashSet<>();
            s.path("policyTypes").forEach(t -> types.add(t.asText()));
            return s.path("podSelector").isObject() && s.path("podSelector").isEmpty()
                    && types.containsAll(Set.of("Ingress", "Egress"))
                    && s.path("ingress").isEmpty() && s.path("egress").isEmpty();
        });
        report.check(render + ": default-deny NetworkPolicy (ingress and egress)", defaultDeny ? List.of() : List.of("missing"));

        List<String> flows = new ArrayList<>();
        requireFlow(nps, "egress", "emporium", 5432, "TCP", flows, "app -> PostgreSQL 5432");
        requireFlow(nps, "egress", "emporium", 6379, "TCP", flows, "app -> Redis 6379");
        requireFlow(nps, "ingress", "cnpg.io/poolerName=emporium-db-pooler", 5432, "TCP", flows, "pooler accepts 5432");
        requireFlow(nps, "ingress", "cnpg.io/cluster=emporium-db", 5432, "TCP", flows, "PostgreSQL accepts 5432");
        requireFlow(nps, "ingress", "emporium-redis", 6379, "TCP", flows, "Redis accepts 6379 from the app");
        requireFlow(nps, "ingress", "emporium", 9443, "TCP", flows, "ingress -> app 9443");
        requireFlow(nps, "egress", "*", 53, "UDP", flows, "DNS egress");
        for (Manifest np : nps) {
            JsonNode s = np.node().path("spec");
            for (String dir : List.of("ingress", "egress")) {
                for (JsonNode rule : s.path(dir)) {
                    if (rule.path("ports").isEmpty()) {
                        flows.add(np.name() + " has a " + dir + " rule without ports (allows every port)");
                    }
                    JsonNode peers = rule.path(dir.equals("ingress") ? "from" : "to");
                    if (peers.isMissingNode() || peers.isEmpty()) {
                        flows.add(np.name() + " has a " + dir + " rule without peers (allows everyone)");
                    }
                }
            }
        }
        report.check(render + ": NetworkPolicies allow only the needed flows", flows);
    }

    private static void requireFlow(List<Manifest> nps, String dir, String instance, int port, String protocol,
                                    List<String> problems, String label) {
        for (Manifest np : nps) {
            JsonNode s = np.node().path("spec");
            // "name" selects app.kubernetes.io/instance=name, "label=value" any other label.
            String key = instance.contains("=") ? instance.substring(0, instance.indexOf('=')) : "app.kubernetes.io/instance";
            String value = instance.contains("=") ? instance.substring(instance.indexOf('=') + 1) : instance;
            String selected = s.path("podSelector").path("matchLabels").path(key).asText("*");
            if (!value.equals(selected) && !("*".equals(instance) && s.path("podSelector").isEmpty())) {
                continue;
            }
            for (JsonNode rule : s.path(dir)) {
                for (JsonNode p : rule.path("ports")) {
                    if (p.path("port").asInt(-1) == port && protocol.equals(p.path("protocol").asText("TCP"))) {
                        return;
                    }
                }
            }
        }
        problems.add("no policy for " + label);
    }

    static void secretsInPlainText(String render, List<Manifest> objects, Report report) {
        List<String> problems = new ArrayList<>();
        for (Manifest m : objects) {
            if (m.kind().equals("Secret")) {
                problems.add("Secret/" + m.name() + " is rendered: real secrets are created with kubectl, never committed");
            }
            if (m.kind().equals("ConfigMap")) {
                m.node().path("data").fields().forEachRemaining(e -> {
                    if (e.getKey().endsWith(".json")) {
                        return;
                    }
                    for (Pattern p : SECRET_LOOKING) {
                        if (p.matcher(e.getValue().asText()).find()) {
                            problems.add("ConfigMap/" + m.name() + " key " + e.getKey() + " looks like a secret value");
                        }
                    }
                });
            }
            for (JsonNode env : m.node().findValues("env")) {
                for (JsonNode e : env) {
                    String n = e.path("name").asText().toUpperCase();
                    if (e.has("value") && n.matches(".*(PASSWORD|SECRET|TOKEN|PRIVATE|API_KEY).*") && !e.path("value").asText().isEmpty()) {
                        problems.add(m.kind() + "/" + m.name() + " sets " + n + " as a plain env value");
                    }
                }
            }
        }
        report.check(render + ": no secrets in plain text", problems);
    }

    /** Checks the Secret template on its own: only placeholders. */
    public static void secretTemplate(List<Manifest> template, Report report) {
        List<String> problems = new ArrayList<>();
        if (template.stream().noneMatch(m -> m.kind().equals("Secret"))) {
            problems.add("operator/secret-template.yaml has no Secret");
        }
        for (Manifest m : template) {
            if (!m.kind().equals("Secret")) {
                problems.add(m.kind() + " in the Secret template");
                continue;
            }
            if (!m.node().path("data").isMissingNode()) {
                problems.add("Secret/" + m.name() + " uses data: the template must use stringData placeholders");
            }
            m.node().path("stringData").fields().forEachRemaining(e -> {
                if (!PLACEHOLDER.matcher(e.getValue().asText()).matches()) {
                    problems.add("Secret/" + m.name() + " key " + e.getKey() + " is not a <PLACEHOLDER>");
                }
            });
        }
        report.check("secret template: placeholders only", problems);
    }

    static void configCoverage(String render, List<Manifest> objects, List<Manifest> secretTemplate,
                               List<ConfigurationTable.Entry> config, Report report) {
        List<String> problems = new ArrayList<>();
        Manifest cm = null;
        for (Manifest m : objects) {
            if (m.kind().equals("ConfigMap") && m.name().startsWith("emporium-config")) {
                cm = m;
            }
        }
        if (cm == null) {
            report.fail(render + ": configuration keys covered", "ConfigMap emporium-config not rendered");
            return;
        }
        Set<String> cmKeys = new HashSet<>();
        cm.node().path("data").fieldNames().forEachRemaining(cmKeys::add);
        Set<String> secretKeys = new HashSet<>();
        secretTemplate.forEach(s -> s.node().path("stringData").fieldNames().forEachRemaining(secretKeys::add));
        // Variables that the app's spec.env takes from a Secret of the template count as secret keys too.
        for (Manifest m : objects) {
            if (!m.kind().equals("OpenLibertyApplication")) {
                continue;
            }
            for (JsonNode e : m.node().path("spec").path("env")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                boolean templated = secretTemplate.stream().anyMatch(t -> t.name().equals(ref.path("name").asText())
                        && t.node().path("stringData").has(ref.path("key").asText()));
                if (templated) {
                    secretKeys.add(e.path("name").asText());
                }
            }
        }
        if (config == null || config.isEmpty()) {
            problems.add("docs/configuration.md has no configuration table (| Key | Env var | Default | Secret | Description |)");
        } else {
            for (ConfigurationTable.Entry e : config) {
                if (e.secret()) {
                    if (!secretKeys.contains(e.envVar())) {
                        problems.add(e.envVar() + " (secret) is not in the Secret template");
                    }
                    if (cmKeys.contains(e.envVar())) {
                        problems.add(e.envVar() + " is secret but set in the ConfigMap");
                    }
                } else if (!cmKeys.contains(e.envVar()) && !secretKeys.contains(e.envVar())) {
                    problems.add(e.envVar() + " is neither in the ConfigMap nor in the Secret template");
                }
            }
        }
        String embedded = cm.node().path("data").path("EMPORIUM_EMBEDDED_ENABLED").asText(null);
        if (!"false".equals(embedded)) {
            problems.add("EMPORIUM_EMBEDDED_ENABLED must be \"false\" in the cluster (is " + embedded + ")");
        }
        report.check(render + ": every configuration key in the ConfigMap or the Secret template", problems);
    }
}
