package emporium.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of what the operators would make of the rendered objects, beyond their schemas. The Open
 * Liberty Operator's behaviour is modelled from its source (1.6.x): serviceability makes a
 * ReadWriteMany claim; a monitoring endpoint without tlsConfig gets scheme https and the operator's CA
 * whenever manageTLS is on (the default), whatever the port; expose on plain Kubernetes makes an
 * Ingress without TLS or backend protocol and a NetworkPolicy that admits every namespace. The
 * CloudNativePG checks cover backups, roles, TLS and the connection budget.
 */
public final class DeploymentChecks {

    /** The only paths that may be routed from outside the cluster. */
    static final Set<String> PUBLIC_PATHS = Set.of("/api", "/.well-known");
    /** Paths that must never be reachable from outside. */
    static final List<String> INTERNAL_PATHS =
            List.of("/adminCenter", "/IBMJMXConnectorREST", "/metrics", "/openapi", "/health", "/ibm/api");

    static final int HTTPS_PORT = 9443;
    static final int HTTP_PORT = 9080;
    /** RPO 1 hour: a WAL segment must be archived well within it. */
    static final int MAX_ARCHIVE_TIMEOUT_SECONDS = 15 * 60;
    static final int MIN_RETENTION_DAYS = 30;
    /** PostgreSQL's superuser_reserved_connections default. */
    static final int RESERVED_CONNECTIONS = 3;
    /** Operator status checks, the exporter, backups and a psql session for the on-call engineer. */
    static final int ADMIN_HEADROOM = 10;
    static final int POSTGRES_DEFAULT_MAX_CONNECTIONS = 100;
    static final int PGBOUNCER_DEFAULT_POOL_SIZE = 20;
    static final int PGBOUNCER_DEFAULT_MAX_CLIENT_CONN = 100;

    private DeploymentChecks() {
    }

    public static void run(String render, List<Manifest> objects, Report report) {
        boolean production = render.equals("prod");
        for (Manifest app : byKind(objects, "OpenLibertyApplication")) {
            generatedObjects(render, app, report);
            scrape(render, app, report);
            initContainers(render, app, report);
        }
        renderedClaims(render, objects, report);
        ingress(render, objects, report);
        database(render, objects, production, report);
        connectionBudget(render, objects, report);
        redis(render, objects, report);
    }

    /** Redis holds rate-limit counters only: no disk, and no password in an argument list (ps, /proc). */
    static void redis(String render, List<Manifest> objects, Report report) {
        List<String> problems = new ArrayList<>();
        Pattern passwordFlag = Pattern.compile("(?i)--(requirepass|masterauth|pass(word)?)\\b");
        for (Manifest m : objects) {
            if (!m.name().contains("redis") || !Set.of("StatefulSet", "Deployment").contains(m.kind())) {
                continue;
            }
            JsonNode pod = m.node().at("/spec/template/spec");
            for (JsonNode c : pod.path("containers")) {
                String argv = c.path("command").toString() + c.path("args").toString();
                if (passwordFlag.matcher(argv).find()) {
                    problems.add(m.kind() + "/" + m.name() + ": the password is passed as a command-line argument");
                }
                if (argv.matches("(?s).*appendonly\\W+yes.*")) {
                    problems.add(m.kind() + "/" + m.name() + ": append-only persistence for counters that live one window");
                }
            }
            if (m.node().at("/spec/volumeClaimTemplates").size() > 0) {
                problems.add(m.kind() + "/" + m.name() + ": persistent volume for rate-limit counters");
            }
        }
        report.check(render + ": Redis without persistence and without its password on a command line", problems);
    }

    /** serviceability, expose, route and the generated NetworkPolicy. */
    static void generatedObjects(String render, Manifest app, Report report) {
        JsonNode spec = app.node().path("spec");
        String id = render + ": " + app.kind() + "/" + app.name();

        List<String> pvc = new ArrayList<>();
        if (!spec.path("serviceability").isMissingNode()) {
            pvc.add("spec.serviceability makes the operator create a ReadWriteMany PersistentVolumeClaim (Pending on"
                    + " most storage classes) and the start script relink /liberty/logs (fails on a read-only root"
                    + " filesystem)");
        }
        report.check(id + " no serviceability volume (no ReadWriteMany claim, no /liberty/logs relink)", pvc);

        List<String> exposure = new ArrayList<>();
        if (spec.path("expose").asBoolean(false)) {
            exposure.add("expose: true makes the operator create an Ingress with every path, no TLS section unless"
                    + " route.certificateSecretRef is set and no backend-protocol annotation (plain HTTP to 9443)");
        }
        for (String openShiftOnly : List.of("termination", "insecureEdgeTerminationPolicy")) {
            if (spec.path("route").has(openShiftOnly)) {
                exposure.add("route." + openShiftOnly + " applies to OpenShift Routes only");
            }
        }
        report.check(id + " no operator-made Ingress (the project's own Ingress routes the public paths)", exposure);

        List<String> policy = new ArrayList<>();
        if (!spec.path("networkPolicy").path("disable").asBoolean(false)) {
            policy.add("the operator would add its own NetworkPolicy for the app"
                    + (spec.path("expose").asBoolean(false) ? " admitting every pod in every namespace" : "")
                    + " (policies add up): set networkPolicy.disable: true");
        }
        report.check(id + " operator NetworkPolicy disabled", policy);
    }

    /** The ServiceMonitor the operator would generate must speak the protocol of the port it scrapes. */
    static void scrape(String render, Manifest app, Report report) {
        JsonNode spec = app.node().path("spec");
        String id = render + ": " + app.kind() + "/" + app.name();
        boolean manageTls = spec.path("manageTLS").asBoolean(true);
        List<String> problems = new ArrayList<>();
        JsonNode endpoints = spec.path("monitoring").path("endpoints");
        if (endpoints.isEmpty()) {
            problems.add("no monitoring endpoint");
        }
        for (JsonNode e : endpoints) {
            String port = e.path("port").asText("");
            Optional<Integer> target = servicePortTarget(spec.path("service"), port);
            if (target.isEmpty()) {
                problems.add("monitoring port '" + port + "' is not a port of spec.service");
                continue;
            }
            String scheme = e.has("tlsConfig") || !manageTls ? e.path("scheme").asText("http") : "https";
            boolean tlsPort = target.get() == HTTPS_PORT;
            if ("https".equals(scheme) != tlsPort) {
                problems.add("the ServiceMonitor would scrape " + scheme + " against port '" + port + "' (target "
                        + target.get() + ", " + (tlsPort ? "HTTPS" : "plain HTTP") + ")"
                        + (manageTls && !e.has("tlsConfig") ? ": manageTLS without tlsConfig forces https" : ""));
            }
            if (!e.path("scheme").asText(scheme).equals(scheme)) {
                problems.add("endpoint says scheme " + e.path("scheme").asText() + " but the operator uses " + scheme);
            }
        }
        report.check(id + " ServiceMonitor scheme matches the scraped port", problems);
    }

    /** Target port behind a Service port name of the OpenLibertyApplication (main port or spec.service.ports). */
    static Optional<Integer> servicePortTarget(JsonNode service, String name) {
        int main = service.path("port").asInt(HTTPS_PORT);
        String mainName = service.path("portName").asText(main + "-tcp");
        if (name.equals(mainName) || name.equals(String.valueOf(main))) {
            return Optional.of(service.path("targetPort").asInt(main));
        }
        for (JsonNode p : service.path("ports")) {
            if (name.equals(p.path("name").asText()) || name.equals(p.path("port").asText())) {
                return Optional.of(p.path("targetPort").asInt(p.path("port").asInt()));
            }
        }
        return Optional.empty();
    }

    static void initContainers(String render, Manifest app, Report report) {
        List<String> problems = new ArrayList<>();
        for (JsonNode c : app.node().path("spec").path("initContainers")) {
            String cn = "init container " + c.path("name").asText();
            PolicyChecks.resources(c.path("resources")).forEach(p -> problems.add(cn + ": " + p));
            PolicyChecks.containerSecurity(c.path("securityContext"), true).forEach(p -> problems.add(cn + ": " + p));
            String image = c.path("image").asText();
            if (!image.matches(".+:[A-Za-z0-9_.-]*\\d[A-Za-z0-9_.-]*$") && !image.contains("@sha256:")) {
                problems.add(cn + ": image " + image + " is not pinned");
            }
        }
        report.check(render + ": " + app.kind() + "/" + app.name() + " init containers secure and pinned", problems);
    }

    static void renderedClaims(String render, List<Manifest> objects, Report report) {
        List<String> problems = new ArrayList<>();
        for (Manifest m : objects) {
            for (JsonNode modes : m.node().findValues("accessModes")) {
                for (JsonNode mode : modes) {
                    if ("ReadWriteMany".equals(mode.asText())) {
                        problems.add(m.kind() + "/" + m.name() + " asks for a ReadWriteMany volume");
                    }
                }
            }
        }
        report.check(render + ": no ReadWriteMany claim", problems);
    }

    /** The project's Ingress: TLS for every host, HTTPS to the pod, only the public paths. */
    static void ingress(String render, List<Manifest> objects, Report report) {
        List<Manifest> ingresses = byKind(objects, "Ingress");
        List<String> problems = new ArrayList<>();
        if (ingresses.isEmpty()) {
            problems.add("no Ingress rendered");
        }
        for (Manifest in : ingresses) {
            String name = "Ingress/" + in.name();
            JsonNode spec = in.node().path("spec");
            if (!"HTTPS".equals(in.node().at("/metadata/annotations/nginx.ingress.kubernetes.io~1backend-protocol").asText())) {
                problems.add(name + ": annotation nginx.ingress.kubernetes.io/backend-protocol: HTTPS missing (the"
                        + " controller would speak plain HTTP to 9443)");
            }
            Set<String> tlsHosts = new TreeSet<>();
            for (JsonNode t : spec.path("tls")) {
                if (t.path("secretName").asText("").isEmpty()) {
                    problems.add(name + ": tls entry without secretName");
                }
                t.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
            }
            if (spec.has("defaultBackend")) {
                problems.add(name + ": defaultBackend routes every path");
            }
            for (JsonNode rule : spec.path("rules")) {
                String host = rule.path("host").asText("");
                if (host.isEmpty() || !tlsHosts.contains(host)) {
                    problems.add(name + ": host '" + host + "' has no TLS section");
                }
                for (JsonNode p : rule.path("http").path("paths")) {
                    String path = p.path("path").asText("/");
                    String type = p.path("pathType").asText("");
                    if (!PUBLIC_PATHS.contains(path) || !Set.of("Prefix", "Exact").contains(type)) {
                        problems.add(name + ": path " + path + " (" + type + ") is not one of the public paths "
                                + new TreeSet<>(PUBLIC_PATHS));
                    }
                    for (String internal : INTERNAL_PATHS) {
                        if (internal.equals(path) || internal.startsWith(path.endsWith("/") ? path : path + "/")
                                || "/".equals(path) || !"Prefix".equals(type) && !"Exact".equals(type)) {
                            problems.add(name + ": path " + path + " makes " + internal + " reachable from outside");
                        }
                    }
                    JsonNode port = p.path("backend").path("service").path("port");
                    if (!("https".equals(port.path("name").asText()) || port.path("number").asInt() == HTTPS_PORT)) {
                        problems.add(name + ": path " + path + " goes to port " + port + ", not the HTTPS port");
                    }
                }
            }
        }
        report.check(render + ": Ingress with TLS, HTTPS backend and only " + new TreeSet<>(PUBLIC_PATHS), problems);

        // The complete list of policies that will exist, so that a reviewer sees them in the CI log.
        List<String> names = byKind(objects, "NetworkPolicy").stream().map(Manifest::name).sorted().toList();
        report.pass(render + ": NetworkPolicies in force (the operator adds none): " + names);
    }

    static void database(String render, List<Manifest> objects, boolean production, Report report) {
        List<Manifest> clusters = byKind(objects, "Cluster");
        List<String> problems = new ArrayList<>();
        if (clusters.size() != 1) {
            report.fail(render + ": one CloudNativePG Cluster", "found " + clusters.size());
            return;
        }
        if (objects.stream().anyMatch(m -> m.kind().equals("StatefulSet") && m.name().contains("postgres"))) {
            problems.add("a hand-made PostgreSQL StatefulSet is rendered besides the Cluster");
        }
        Manifest cluster = clusters.get(0);
        JsonNode spec = cluster.node().path("spec");
        int instances = spec.path("instances").asInt(1);
        if (production && instances < 3) {
            problems.add("production needs 3 instances (primary and two standbys), has " + instances);
        }
        if (spec.path("enableSuperuserAccess").asBoolean(false)) {
            problems.add("enableSuperuserAccess is on");
        }
        if (spec.path("backup").has("barmanObjectStore")) {
            problems.add("spec.backup.barmanObjectStore is deprecated since CloudNativePG 1.26: use the Barman Cloud plugin");
        }
        String objectStore = null;
        for (JsonNode p : spec.path("plugins")) {
            if ("barman-cloud.cloudnative-pg.io".equals(p.path("name").asText()) && p.path("isWALArchiver").asBoolean(false)) {
                objectStore = p.path("parameters").path("barmanObjectName").asText(null);
            }
        }
        if (objectStore == null) {
            problems.add("no Barman Cloud plugin with isWALArchiver: WAL is not archived");
        } else {
            String storeName = objectStore;
            Optional<Manifest> store = byKind(objects, "ObjectStore").stream().filter(o -> o.name().equals(storeName)).findFirst();
            if (store.isEmpty()) {
                problems.add("ObjectStore " + storeName + " is not rendered");
            } else {
                JsonNode conf = store.get().node().path("spec").path("configuration");
                for (String part : List.of("wal", "data")) {
                    if (conf.path(part).path("encryption").asText("").isEmpty()) {
                        problems.add("ObjectStore " + storeName + ": " + part + " is not encrypted at rest");
                    }
                }
                int days = retentionDays(store.get().node().at("/spec/retentionPolicy").asText(""));
                if (days < (production ? MIN_RETENTION_DAYS : 1)) {
                    problems.add("ObjectStore " + storeName + ": retentionPolicy "
                            + store.get().node().at("/spec/retentionPolicy").asText("(none)") + " below "
                            + (production ? MIN_RETENTION_DAYS + "d" : "1d"));
                }
            }
        }
        int archiveTimeout = durationSeconds(spec.at("/postgresql/parameters/archive_timeout").asText(""));
        if (archiveTimeout <= 0 || archiveTimeout > MAX_ARCHIVE_TIMEOUT_SECONDS) {
            problems.add("archive_timeout must be set and at most " + MAX_ARCHIVE_TIMEOUT_SECONDS / 60
                    + "min for an RPO of 1 hour (is '" + spec.at("/postgresql/parameters/archive_timeout").asText("") + "')");
        }
        boolean daily = byKind(objects, "ScheduledBackup").stream().anyMatch(b -> {
            JsonNode s = b.node().path("spec");
            return cluster.name().equals(s.path("cluster").path("name").asText())
                    && "plugin".equals(s.path("method").asText())
                    && atLeastDaily(s.path("schedule").asText(""))
                    && !s.path("suspend").asBoolean(false);
        });
        if (!daily) {
            problems.add("no ScheduledBackup (method plugin) at least daily for " + cluster.name());
        }
        if (!spec.path("monitoring").path("enablePodMonitor").asBoolean(false)) {
            problems.add("monitoring.enablePodMonitor is off: backup and replication alerts see nothing");
        }
        report.check(render + ": Cluster " + cluster.name() + " instances, WAL archive, encrypted backups, retention,"
                + " archive_timeout, schedule", problems);

        // Roles and TLS from the app's point of view.
        List<String> roles = new ArrayList<>();
        JsonNode config = configMap(objects);
        String user = config.path("DB_USER").asText("");
        String owner = spec.at("/bootstrap/initdb/owner").asText("app");
        if (user.isEmpty() || user.equals(owner) || user.equals("postgres")) {
            roles.add("DB_USER '" + user + "' must be a role of its own, not the database owner (" + owner + ") or postgres");
        }
        boolean managed = false;
        for (JsonNode r : spec.path("managed").path("roles")) {
            if (r.path("name").asText().equals(user)) {
                managed = true;
                for (String power : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                    if (r.path(power).asBoolean(false)) {
                        roles.add("role " + user + " has " + power);
                    }
                }
                if (!r.path("login").asBoolean(false)) {
                    roles.add("role " + user + " cannot log in");
                }
                if (r.path("passwordSecret").path("name").asText("").isEmpty()) {
                    roles.add("role " + user + " has no passwordSecret");
                }
            }
        }
        if (!managed) {
            roles.add("DB_USER " + user + " is not a managed role of the Cluster");
        }
        String grants = spec.at("/bootstrap/initdb/postInitApplicationSQL").toString();
        if (!grants.contains("TO " + user)) {
            roles.add("postInitApplicationSQL grants nothing to " + user);
        }
        if (grants.matches("(?is).*GRANT\\s+ALL.*TO\\s+" + Pattern.quote(user) + ".*")) {
            roles.add("postInitApplicationSQL grants ALL to " + user);
        }
        String sslMode = config.path("DB_SSL_MODE").asText("");
        if (production && !"verify-full".equals(sslMode)) {
            roles.add("DB_SSL_MODE must be verify-full in production (is " + sslMode + ")");
        }
        String host = config.path("DB_HOST").asText("");
        Set<String> altNames = new TreeSet<>();
        spec.path("certificates").path("serverAltDNSNames").forEach(n -> altNames.add(n.asText()));
        boolean poolerHost = byKind(objects, "Pooler").stream().anyMatch(p -> p.name().equals(host));
        if ("verify-full".equals(sslMode) && poolerHost && !altNames.contains(host)) {
            roles.add("DB_HOST " + host + " is the pooler, whose certificate (the cluster's server certificate) does"
                    + " not name it: add it to certificates.serverAltDNSNames");
        }
        report.check(render + ": database roles least privilege and TLS", roles);
    }

    /** Each pod's own LISTEN sessions: the live stock listener and the cluster signal listener. */
    static final int LISTEN_SESSIONS_PER_POD = 2;

    /**
     * The connection budget, recomputed from the rendered objects:
     *   clients:  maxReplicas x DB_POOL_MAX <= max_client_conn of one pooler instance
     *   servers:  pooler instances x (default_pool_size + reserve_pool_size)
     *             + maxReplicas x 2 LISTEN sessions (live stock, cluster signals; straight to the primary,
     *               as notifications do not pass a transaction-mode pooler)
     *             + reserved + headroom <= max_connections
     *   role:     the poolers' server connections + the LISTEN sessions <= the app role's connectionLimit
     */
    static void connectionBudget(String render, List<Manifest> objects, Report report) {
        List<String> problems = new ArrayList<>();
        JsonNode config = configMap(objects);
        List<Manifest> apps = byKind(objects, "OpenLibertyApplication");
        List<Manifest> clusters = byKind(objects, "Cluster");
        if (apps.isEmpty() || clusters.isEmpty()) {
            report.fail(render + ": connection budget", "needs the OpenLibertyApplication and the Cluster");
            return;
        }
        JsonNode app = apps.get(0).node().path("spec");
        int maxReplicas = Math.max(app.path("autoscaling").path("maxReplicas").asInt(0), app.path("replicas").asInt(1));
        int poolMax = config.path("DB_POOL_MAX").asInt(20);
        int clientsPerPod = poolMax + LISTEN_SESSIONS_PER_POD;
        JsonNode cluster = clusters.get(0).node().path("spec");
        int maxConnections = cluster.at("/postgresql/parameters/max_connections").asInt(POSTGRES_DEFAULT_MAX_CONNECTIONS);
        String host = config.path("DB_HOST").asText("");
        Optional<Manifest> pooler = byKind(objects, "Pooler").stream().filter(p -> p.name().equals(host)).findFirst();
        String arithmetic;
        if (pooler.isEmpty()) {
            int needed = maxReplicas * clientsPerPod + RESERVED_CONNECTIONS + ADMIN_HEADROOM;
            arithmetic = maxReplicas + " pods x (" + poolMax + " + " + LISTEN_SESSIONS_PER_POD + ") + " + RESERVED_CONNECTIONS + " + " + ADMIN_HEADROOM
                    + " = " + needed + " direct connections, max_connections " + maxConnections;
            problems.add("DB_HOST " + host + " is not a Pooler: every pod connects directly (" + arithmetic + ")");
        } else {
            JsonNode p = pooler.get().node().path("spec");
            if (!"transaction".equals(p.at("/pgbouncer/poolMode").asText("session"))) {
                problems.add("Pooler " + host + " is not in transaction mode");
            }
            JsonNode params = p.at("/pgbouncer/parameters");
            int instances = p.path("instances").asInt(1);
            int poolSize = params.path("default_pool_size").asInt(PGBOUNCER_DEFAULT_POOL_SIZE);
            int reserve = params.path("reserve_pool_size").asInt(0);
            int maxClient = params.path("max_client_conn").asInt(PGBOUNCER_DEFAULT_MAX_CLIENT_CONN);
            String listenHost = config.path("EMPORIUM_INVENTORY_LISTENER_HOST").asText(host);
            boolean listenThroughPooler = listenHost.equals(host);
            if (listenThroughPooler) {
                problems.add("the LISTEN sessions go through the pooler " + host + ", which loses notifications in"
                        + " transaction mode: set EMPORIUM_INVENTORY_LISTENER_HOST to the cluster's rw Service");
            }
            int clients = maxReplicas * (poolMax + (listenThroughPooler ? LISTEN_SESSIONS_PER_POD : 0));
            int listeners = listenThroughPooler ? 0 : maxReplicas * LISTEN_SESSIONS_PER_POD;
            int servers = instances * (poolSize + reserve);
            int total = servers + listeners + RESERVED_CONNECTIONS + ADMIN_HEADROOM;
            arithmetic = "clients " + maxReplicas + " pods x " + poolMax + " = " + clients + " <= max_client_conn "
                    + maxClient + "; servers " + instances + " poolers x (" + poolSize + " + " + reserve + ") + "
                    + maxReplicas + " pods x " + LISTEN_SESSIONS_PER_POD + " LISTEN + " + RESERVED_CONNECTIONS
                    + " reserved + " + ADMIN_HEADROOM + " admin = " + total + " <= max_connections " + maxConnections;
            if (clients > maxClient) {
                problems.add("clients " + clients + " exceed max_client_conn " + maxClient
                        + " of a pooler instance (the Service may send every pod to one instance)");
            }
            if (total > maxConnections) {
                problems.add("server connections " + total + " exceed max_connections " + maxConnections);
            }
            String user = config.path("DB_USER").asText("");
            for (JsonNode r : cluster.path("managed").path("roles")) {
                int limit = r.path("connectionLimit").asInt(-1);
                if (r.path("name").asText().equals(user) && limit >= 0 && limit < servers + listeners) {
                    problems.add("connectionLimit " + limit + " of " + user + " is below the poolers' and listeners' "
                            + (servers + listeners));
                }
            }
        }
        report.check(render + ": connection budget (" + arithmetic + ")", problems);
    }

    static JsonNode configMap(List<Manifest> objects) {
        return objects.stream()
                .filter(m -> m.kind().equals("ConfigMap") && m.name().startsWith("emporium-config"))
                .map(m -> m.node().path("data"))
                .findFirst()
                .orElse(Manifest.YAML.createObjectNode());
    }

    static List<Manifest> byKind(List<Manifest> objects, String kind) {
        return objects.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    /** "30d", "4w", "1m" (months) as days; 0 when unreadable. */
    static int retentionDays(String policy) {
        Matcher m = Pattern.compile("^(\\d+)([dwm])$").matcher(policy.trim());
        if (!m.matches()) {
            return 0;
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "w" -> n * 7;
            case "m" -> n * 30;
            default -> n;
        };
    }

    /** A PostgreSQL duration ("5min", "300s", "1h", "300") in seconds; 0 when unset or unreadable. */
    static int durationSeconds(String value) {
        Matcher m = Pattern.compile("^(\\d+)\\s*(ms|s|min|h|d)?$").matcher(value.trim());
        if (!m.matches()) {
            return 0;
        }
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> n / 1000;
            case "min" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86400;
            default -> n;
        };
    }

    /** A six-field CloudNativePG cron schedule (seconds first) that runs at least once a day. */
    static boolean atLeastDaily(String schedule) {
        String s = schedule.trim();
        if (s.matches("@(daily|midnight|hourly)") || s.matches("@every\\s+\\d+[hm]")) {
            return !s.startsWith("@every") || durationSeconds(s.replaceAll("@every\\s+", "").replace("m", "min")) <= 86400;
        }
        String[] f = s.split("\\s+");
        if (f.length != 6) {
            return false;
        }
        return f[3].equals("*") && f[4].equals("*") && (f[5].equals("*") || f[5].equals("?"));
    }
}
