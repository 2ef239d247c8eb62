package emporium.operator.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Validates the rendered Kustomize output (one *.yaml per base/overlay in --rendered), the Secret
 * template and the Containerfile. Prints one PASS/FAIL line per check and a closing line
 * "manifest validation: N passed, M failed"; fails (exception) when M > 0.
 */
public final class Main {

    /** Keys the deployment must provide even before docs/configuration.md (the authoritative list) exists. */
    static final List<ConfigurationTable.Entry> MINIMUM_KEYS = Stream.of(
            "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "!DB_PASSWORD", "EMPORIUM_EMBEDDED_ENABLED",
            "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_AUDIENCES", "!MP_JWT_VERIFY_PUBLICKEY", "!EMPORIUM_JWT_PRIVATE_KEY",
            "REDIS_URL", "!STRIPE_API_KEY", "!STRIPE_WEBHOOK_SECRET", "S3_BUCKET", "S3_REGION", "S3_ENDPOINT",
            "!AWS_ACCESS_KEY_ID", "!AWS_SECRET_ACCESS_KEY", "WLP_LOGGING_CONSOLE_FORMAT")
            .map(k -> new ConfigurationTable.Entry(k.replace("!", ""), k.replace("!", ""), k.startsWith("!")))
            .toList();

    public static void main(String[] args) {
        String schemas = null;
        String rendered = null;
        String repo = ".";
        for (String a : args) {
            if (a.startsWith("--schemas=")) {
                schemas = a.substring("--schemas=".length());
            } else if (a.startsWith("--rendered=")) {
                rendered = a.substring("--rendered=".length());
            } else if (a.startsWith("--repo=")) {
                repo = a.substring("--repo=".length());
            }
        }
        if (schemas == null || rendered == null) {
            throw new IllegalArgumentException("usage: --schemas=DIR --rendered=DIR [--repo=DIR]");
        }
        Report report = new Report(true);
        run(Path.of(schemas), Path.of(rendered), Path.of(repo), report);
        System.out.println("manifest validation: " + report.passedCount() + " passed, " + report.failedCount() + " failed");
        if (report.failedCount() > 0) {
            throw new IllegalStateException(report.failedCount() + " deployment check(s) failed:\n  "
                    + String.join("\n  ", report.failures()));
        }
    }

    public static void run(Path schemas, Path rendered, Path repo, Report report) {
        if (!Files.isDirectory(schemas)) {
            report.fail("CRD schemas", "directory " + schemas + " not found (the Open Liberty Operator CRDs are required)");
            return;
        }
        CrdSchemaValidator crds = new CrdSchemaValidator(schemas);
        CoreSchemaValidator core = new CoreSchemaValidator();

        Path templateFile = repo.resolve("operator/secret-template.yaml");
        List<Manifest> template = Files.isRegularFile(templateFile) ? Manifest.read(templateFile) : List.of();
        for (Manifest m : template) {
            report.check("schema " + m.id(), core.validate(m));
        }
        PolicyChecks.secretTemplate(template, report);

        Path configDoc = repo.resolve("docs/configuration.md");
        List<ConfigurationTable.Entry> config = Files.isRegularFile(configDoc) ? ConfigurationTable.read(configDoc) : null;
        if (config == null) {
            System.out.println("WARN docs/configuration.md not found: checking against the minimum list of keys instead");
            config = MINIMUM_KEYS;
        }

        List<Path> renders;
        try (Stream<Path> s = Files.list(rendered)) {
            renders = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + rendered, e);
        }
        if (renders.isEmpty()) {
            report.fail("rendered manifests", "no *.yaml in " + rendered);
        }
        for (Path file : renders) {
            String render = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            List<Manifest> objects = Manifest.read(file);
            validateSchemas(objects, crds, core, report);
            PolicyChecks.run(render, objects, template, config, report);
            DeploymentChecks.run(render, objects, report);
            Path operations = repo.resolve("docs/operations.md");
            for (Manifest rule : objects.stream().filter(m -> m.kind().equals("PrometheusRule")).toList()) {
                try {
                    report.check(render + ": runbook links of " + rule.name() + " resolve in docs/operations.md",
                            MonitoringChecks.runbooks(rule, Files.readString(operations)));
                } catch (IOException e) {
                    report.fail(render + ": runbook links", "cannot read " + operations);
                }
            }
        }
        ContainerfileChecks.run(repo, report);
    }

    public static void validateSchemas(List<Manifest> objects, CrdSchemaValidator crds, CoreSchemaValidator core, Report report) {
        for (Manifest m : objects) {
            String check = "schema " + m.id();
            if (crds.handles(m)) {
                List<String> problems = new ArrayList<>(crds.validate(m));
                // metadata of a custom resource is an ObjectMeta: validate it with the typed model.
                Manifest meta = new Manifest(m.source(), Manifest.YAML.createObjectNode()
                        .put("apiVersion", "v1").put("kind", "ConfigMap").set("metadata", m.node().path("metadata")));
                problems.addAll(core.validate(meta));
                report.check(check + " (CRD " + m.apiVersion() + ")", problems);
            } else if (CoreSchemaValidator.handles(m)) {
                List<String> problems = new ArrayList<>(core.validate(m));
                if (m.kind().equals("PrometheusRule")) {
                    problems.addAll(MonitoringChecks.prometheusRule(m));
                }
                if (m.kind().equals("ConfigMap") && m.node().path("metadata").path("labels").has("grafana_dashboard")) {
                    problems.addAll(MonitoringChecks.dashboard(m));
                }
                report.check(check, problems);
            } else if (crds.knowsGroup(m.group())) {
                report.fail(check, "version " + m.version() + " of " + m.kind() + " is not served by the CRD");
            } else {
                report.fail(check, "no schema known for " + m.apiVersion() + " " + m.kind());
            }
        }
    }
}
