package emporium.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves that the checks can fail: every bad input here must be rejected, the good ones accepted. */
class ValidatorTest {

    static CrdSchemaValidator crds;
    static final CoreSchemaValidator CORE = new CoreSchemaValidator();

    @BeforeAll
    static void loadCrds() {
        String dir = System.getProperty("k8s.schemas");
        assertTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "the Open Liberty Operator CRDs are required: -Dk8s.schemas=DIR (got " + dir + ")");
        crds = new CrdSchemaValidator(Path.of(dir));
    }

    static List<Manifest> fixture(String name) throws Exception {
        Path p = Path.of(ValidatorTest.class.getResource("/fixtures/" + name).toURI());
        return Manifest.read(p);
    }

    @Test
    void rejectsUnknownFieldsAndWrongTypesInOpenLibertyApplication() throws Exception {
        Manifest bad = fixture("bad-openlibertyapplication.yaml").get(0);
        assertTrue(crds.handles(bad));
        String problems = String.join("\n", crds.validate(bad));
        assertTrue(problems.contains("replica"), problems);
        assertTrue(problems.contains("manageTLS"), problems);
        assertTrue(problems.contains("periodSecond"), problems);
    }

    @Test
    void acceptsAMinimalOpenLibertyApplication() {
        Manifest ok = Manifest.parse("ok", """
                apiVersion: apps.openliberty.io/v1
                kind: OpenLibertyApplication
                metadata: {name: ok}
                spec:
                  applicationImage: registry.example.com/emporium/emporium:1.0.0
                  replicas: 2
                  manageTLS: true
                  probes:
                    readiness: {httpGet: {path: /health/ready, port: 9080}}
                """).get(0);
        assertEquals(List.of(), crds.validate(ok));
    }

    @Test
    void rejectsAVersionThatTheCrdDoesNotServe() {
        Manifest old = Manifest.parse("old", """
                apiVersion: apps.openliberty.io/v1alpha9
                kind: OpenLibertyApplication
                metadata: {name: old}
                spec: {applicationImage: x:1}
                """).get(0);
        Report r = new Report(false);
        Main.validateSchemas(List.of(old), crds, CORE, r);
        assertEquals(1, r.failedCount());
    }

    @Test
    void rejectsUnknownFieldsInCoreObjects() throws Exception {
        Manifest bad = fixture("bad-statefulset.yaml").get(0);
        String problems = String.join("\n", CORE.validate(bad));
        assertTrue(problems.contains("imagePullPolicyy"), problems);

        Manifest typo = Manifest.parse("np", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np}
                spec: {podSelector: {}, policyType: [Ingress]}
                """).get(0);
        assertFalse(CORE.validate(typo).isEmpty());

        Manifest wrongType = Manifest.parse("svc", """
                apiVersion: v1
                kind: Service
                metadata: {name: svc}
                spec: {ports: [{port: "eighty"}]}
                """).get(0);
        assertFalse(CORE.validate(wrongType).isEmpty());
    }

    @Test
    void rejectsUnknownFieldsInPrometheusRules() {
        Manifest rule = Manifest.parse("rule", """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: r}
                spec:
                  groups:
                    - name: g
                      rules:
                        - alert: A
                          expression: up == 0
                """).get(0);
        assertFalse(CORE.validate(rule).isEmpty());
        assertFalse(MonitoringChecks.prometheusRule(rule).isEmpty());
    }

    @Test
    void aMountAboveTheClassCacheIsRejectedAndTheOutputDirectoryIsNot() {
        JsonNode mounts = Manifest.parse("mounts", """
                apiVersion: v1
                kind: List
                metadata: {name: mounts}
                items:
                  - {name: wlp-output, mountPath: /opt/ol/wlp/output}
                  - {name: java, mountPath: /opt/java/}
                  - {name: scc, mountPath: /opt/java/.scc}
                  - {name: tmp, mountPath: /tmp}
                """).get(0).node().path("items");
        List<String> hidden = PolicyChecks.classCacheHidden(mounts);
        assertEquals(2, hidden.size(), hidden.toString());
        assertTrue(hidden.get(0).contains("java on /opt/java hides the class cache"), hidden.toString());
        assertTrue(hidden.get(1).contains("scc on /opt/java/.scc"), hidden.toString());
    }

    @Test
    void policyRejectsAnInsecureWorkload() throws Exception {
        Report r = new Report(false);
        PolicyChecks.workload("test", fixture("bad-statefulset.yaml").get(0), r);
        assertEquals(1, r.failedCount());
        String why = r.failures().get(0);
        for (String expected : List.of("runAsNonRoot", "readinessProbe", "resources.limits.memory",
                "securityContext missing", "not pinned")) {
            assertTrue(why.contains(expected), why);
        }
    }

    @Test
    void policyRejectsMissingDefaultDenyAndSecretsInPlainText() {
        List<Manifest> objects = Manifest.parse("t", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: emporium-config}
                data:
                  STRIPE_API_KEY: sk_live_0123456789abcdef
                  EMPORIUM_EMBEDDED_ENABLED: "true"
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: emporium-secrets}
                stringData: {DB_PASSWORD: hunter2}
                """);
        Report r = new Report(false);
        PolicyChecks.networkPolicies("t", objects, r);
        PolicyChecks.secretsInPlainText("t", objects, r);
        PolicyChecks.secretTemplate(objects.subList(1, 2), r);
        PolicyChecks.configCoverage("t", objects, objects.subList(1, 2), List.of(
                new ConfigurationTable.Entry("stripe.api-key", "STRIPE_API_KEY", true),
                new ConfigurationTable.Entry("s3.bucket", "S3_BUCKET", false)), r);
        String all = String.join("\n", r.failures());
        assertTrue(all.contains("default-deny"), all);
        assertTrue(all.contains("looks like a secret"), all);
        assertTrue(all.contains("is rendered"), all);
        assertTrue(all.contains("not a <PLACEHOLDER>"), all);
        assertTrue(all.contains("STRIPE_API_KEY (secret) is not in the Secret template"), all);
        assertTrue(all.contains("S3_BUCKET is neither"), all);
        assertTrue(all.contains("EMPORIUM_EMBEDDED_ENABLED"), all);
    }

    @Test
    void readsTheConfigurationTable() {
        List<ConfigurationTable.Entry> e = ConfigurationTable.parse("""
                # Configuration
                | Key | Env var | Default | Secret | Description |
                |-----|---------|---------|--------|-------------|
                | `db.host` | `DB_HOST` | `localhost` | no | host |
                | `db.password` | `DB_PASSWORD` | | yes | password |
                """);
        assertEquals(List.of(new ConfigurationTable.Entry("db.host", "DB_HOST", false),
                new ConfigurationTable.Entry("db.password", "DB_PASSWORD", true)), e);
    }

    @Test
    void containerfileChecksFailOnBadContainerfiles() {
        Set<String> features = Set.of("mpHealth-4.0", "mpMetrics-5.1");
        String good = """
                FROM docker.io/library/eclipse-temurin:17.0.16_8-jdk AS build
                RUN ./mvnw -B -DskipTests package
                FROM icr.io/appcafe/open-liberty:26.0.0.5-kernel-slim-java17-openj9-ubi
                COPY --chown=1001:0 liberty/config/ /config/
                RUN features.sh
                COPY --from=build /b/postgresql.jar /config/lib/postgresql.jar
                COPY --from=build /b/emporium.war /config/apps/emporium.war
                ENV WLP_LOGGING_CONSOLE_FORMAT=JSON \\
                    WLP_LOGGING_CONSOLE_SOURCE=message,trace,accessLog,ffdc,audit
                RUN configure.sh
                USER 1001
                """;
        Report ok = new Report(false);
        ContainerfileChecks.check(good, null, features, ok);
        assertEquals(List.of(), ok.failures());

        assertFails(good.replace("26.0.0.5-kernel-slim-java17-openj9-ubi", "latest"), features, "pinned");
        assertFails(good.replace("eclipse-temurin:17.0.16_8-jdk", "eclipse-temurin"), features, "pinned");
        assertFails(good.replace("USER 1001", "USER root"), features, "USER 1001");
        assertFails(good.replace("COPY --chown=1001:0 liberty/config/ /config/\nRUN features.sh",
                "RUN features.sh\nCOPY --chown=1001:0 liberty/config/ /config/"), features, "features.sh");
        assertFails(good.replace("RUN configure.sh", "RUN featureUtility installFeature jdbc-4.3 && configure.sh"),
                features, "outside features.sh");
        assertFails(good.replace("/config/lib/postgresql.jar", "/opt/ol/wlp/lib/postgresql.jar"), features, "JDBC");
        assertFails(good, Set.of("restfulWS-4.0"), "mpHealth");

        // Base images named by build arguments: the defaults must be pinned too.
        String withArgs = "ARG BUILD=docker.io/library/eclipse-temurin:17.0.16_8-jdk\n"
                + "ARG RUNTIME=icr.io/appcafe/open-liberty:26.0.0.5-kernel-slim-java17-openj9-ubi\n"
                + good.replace("FROM docker.io/library/eclipse-temurin:17.0.16_8-jdk AS build", "FROM ${BUILD} AS build")
                        .replace("FROM icr.io/appcafe/open-liberty:26.0.0.5-kernel-slim-java17-openj9-ubi", "FROM ${RUNTIME}");
        Report args = new Report(false);
        ContainerfileChecks.check(withArgs, null, features, args);
        assertEquals(List.of(), args.failures());
        assertFails(withArgs.replace("ARG RUNTIME=icr.io/appcafe/open-liberty:26.0.0.5-kernel-slim-java17-openj9-ubi",
                "ARG RUNTIME=icr.io/appcafe/open-liberty:latest"), features, "pinned");
        assertFails(withArgs.replace("ARG BUILD=docker.io/library/eclipse-temurin:17.0.16_8-jdk\n", ""), features,
                "build argument");
    }

    /** Every defect of issue 13 in one rendered "prod" output: each must be named by a failing check. */
    @Test
    void deploymentChecksRejectTheBrokenProductionDeployment() throws Exception {
        Report r = new Report(false);
        DeploymentChecks.run("prod", fixture("broken-deployment.yaml"), r);
        String all = String.join("\n", r.failures());
        for (String expected : List.of(
                // 1. pods cannot start
                "ReadWriteMany PersistentVolumeClaim", "PersistentVolumeClaim/emporium-serviceability asks for a ReadWriteMany",
                // 2. scrape over https against the plain-HTTP port
                "would scrape https against port 'http' (target 9080, plain HTTP)",
                // 3. the generated NetworkPolicy
                "admitting every pod in every namespace",
                // 4. the operator's Ingress and the Ingress that routes everything
                "expose: true makes the operator create an Ingress", "route.termination applies to OpenShift Routes only",
                "backend-protocol: HTTPS missing", "host 'shop.example.com' has no TLS section",
                "makes /adminCenter reachable", "makes /metrics reachable", "makes /openapi reachable",
                "makes /IBMJMXConnectorREST reachable", "not the HTTPS port",
                // CloudNativePG: instances, backups, retention, encryption, RPO
                "production needs 3 instances", "enableSuperuserAccess is on", "barmanObjectStore is deprecated",
                "no Barman Cloud plugin", "archive_timeout must be set and at most 15min", "no ScheduledBackup",
                // 6. connection budget without a pooler
                "is not a Pooler: every pod connects directly (10 pods x (20 + 2) + 3 + 10 = 233",
                // 7. least privilege and TLS
                "DB_USER 'emporium' must be a role of its own", "DB_SSL_MODE must be verify-full",
                // init containers
                "init container migrate: securityContext missing", "docker.io/flyway/flyway is not pinned",
                // 9. Redis
                "password is passed as a command-line argument", "append-only persistence",
                "persistent volume for rate-limit counters")) {
            assertTrue(all.contains(expected), "expected a failure about '" + expected + "', got:\n" + all);
        }
    }

    @Test
    void connectionBudgetFailsWhenThePoolersOutgrowPostgres() {
        List<Manifest> objects = Manifest.parse("budget", """
                apiVersion: apps.openliberty.io/v1
                kind: OpenLibertyApplication
                metadata: {name: emporium}
                spec: {autoscaling: {minReplicas: 3, maxReplicas: 30}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: emporium-config}
                data: {DB_HOST: emporium-db-pooler, DB_USER: emporium_app, DB_POOL_MAX: "20"}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: emporium-db}
                spec:
                  postgresql: {parameters: {max_connections: "100"}}
                  managed: {roles: [{name: emporium_app, login: true, connectionLimit: 50}]}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Pooler
                metadata: {name: emporium-db-pooler}
                spec:
                  cluster: {name: emporium-db}
                  instances: 4
                  type: rw
                  pgbouncer:
                    poolMode: session
                    parameters: {default_pool_size: "25", max_client_conn: "500"}
                """);
        Report r = new Report(false);
        DeploymentChecks.connectionBudget("t", objects, r);
        String all = String.join("\n", r.failures());
        assertTrue(all.contains("clients 660 exceed max_client_conn 500"), all);
        assertTrue(all.contains("server connections 113 exceed max_connections 100"), all);
        assertTrue(all.contains("connectionLimit 50 of emporium_app is below the poolers' and listeners' 100"), all);
        assertTrue(all.contains("the LISTEN sessions go through the pooler emporium-db-pooler"), all);
        assertTrue(all.contains("not in transaction mode"), all);
    }

    @Test
    void scheduleAndDurationParsing() {
        assertTrue(DeploymentChecks.atLeastDaily("0 0 2 * * *"));
        assertFalse(DeploymentChecks.atLeastDaily("0 0 2 * * 0"));
        assertFalse(DeploymentChecks.atLeastDaily("0 0 2 1 * *"));
        assertEquals(300, DeploymentChecks.durationSeconds("5min"));
        assertEquals(3600, DeploymentChecks.durationSeconds("1h"));
        assertEquals(0, DeploymentChecks.durationSeconds(""));
        assertEquals(30, DeploymentChecks.retentionDays("30d"));
        assertEquals(28, DeploymentChecks.retentionDays("4w"));
    }

    @Test
    void rulesRejectSummaryQuantilesAndRunbooksThatDoNotResolve() {
        Manifest rule = Manifest.parse("rule", """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: r}
                spec:
                  groups:
                    - name: g
                      rules:
                        - alert: EmporiumHighLatencyP95
                          expr: max(REST_request_seconds{quantile="0.95"}) > 0.3
                          labels: {severity: warning}
                          annotations: {summary: s, description: d, runbook_url: "docs/operations.md#runbook-missing"}
                        - alert: EmporiumTargetDown
                          expr: up{job="emporium"} == 0
                          labels: {severity: critical}
                          annotations: {summary: s, description: d, runbook_url: "docs/operations.md#runbook-emporiumtargetdown"}
                """).get(0);
        String problems = String.join("\n", MonitoringChecks.prometheusRule(rule));
        assertTrue(problems.contains("EmporiumHighLatencyP95: uses summary quantiles"), problems);
        assertTrue(problems.contains("alert EmporiumBackupTooOld missing"), problems);
        List<String> runbooks = MonitoringChecks.runbooks(rule, "# Operations\n### Runbook: EmporiumTargetDown\ntext\n");
        assertEquals(List.of("EmporiumHighLatencyP95: runbook anchor #runbook-missing has no heading in docs/operations.md"),
                runbooks);
    }

    private static void assertFails(String containerfile, Set<String> features, String expected) {
        Report r = new Report(false);
        ContainerfileChecks.check(containerfile, null, features, r);
        String all = String.join("\n", r.failures());
        assertTrue(r.failedCount() > 0 && all.contains(expected), "expected a failure about " + expected + ", got: " + all);
    }
}
