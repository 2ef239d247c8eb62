package emporium.operator.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Static checks of the Containerfile against the server configuration in liberty/config/:
 * pinned base images, USER 1001, JSON console logs, server.xml copied before features.sh
 * (which installs exactly the features that server.xml and its includes name), nothing that
 * installs other features, the WAR and the JDBC driver where server.xml expects them.
 */
public final class ContainerfileChecks {

    public record Instruction(int stage, String keyword, String args) {
    }

    private static final Pattern PINNED_TAG = Pattern.compile("^[^\\s@]+:(?=[^:/]*\\d)[A-Za-z0-9_.-]+$");
    private static final Pattern DIGEST = Pattern.compile("^[^\\s@]+@sha256:[0-9a-f]{64}$");

    public static void run(Path repo, Report report) {
        Path containerfile = repo.resolve("Containerfile");
        Path serverXml = repo.resolve("liberty/config/server.xml");
        if (!Files.isRegularFile(containerfile)) {
            report.fail("Containerfile", "not found at the repository root");
            return;
        }
        String text;
        try {
            text = Files.readString(containerfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> features;
        Document server = null;
        if (!Files.isRegularFile(serverXml)) {
            report.fail("Containerfile: server features", "liberty/config/server.xml not found");
            features = Set.of();
        } else {
            server = parseXml(serverXml);
            features = serverFeatures(serverXml, new LinkedHashSet<>());
        }
        check(text, server, features, report);
    }

    /** All checks on the Containerfile text; server may be null when server.xml is missing. */
    public static void check(String text, Document server, Set<String> features, Report report) {
        List<Instruction> ins = parse(text);
        int lastStage = ins.stream().mapToInt(Instruction::stage).max().orElse(-1);

        // ARGs before the first FROM may name base images; their defaults are what a plain build uses,
        // and a release build replaces them with digests (docs/operations.md).
        Map<String, String> globalArgs = new HashMap<>();
        for (Instruction i : ins) {
            Matcher a = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(\\S+)$").matcher(i.args());
            if (i.stage() == -1 && i.keyword().equals("ARG") && a.matches()) {
                globalArgs.put(a.group(1), a.group(2));
            }
        }
        List<String> pinning = new ArrayList<>();
        boolean fromFound = false;
        for (Instruction i : ins) {
            if (!i.keyword().equals("FROM")) {
                continue;
            }
            fromFound = true;
            String image = resolve(firstWord(i.args().replaceAll("--platform=\\S+\\s*", "")), globalArgs);
            if (image.matches("[A-Za-z0-9_-]+") && isStageName(ins, image)) {
                continue;
            }
            if (image.contains("${") || image.contains("$")) {
                pinning.add(image + " uses a build argument (not pinned)");
            } else if (!(PINNED_TAG.matcher(image).matches() || DIGEST.matcher(image).matches())
                    || image.toLowerCase(Locale.ROOT).endsWith(":latest")) {
                pinning.add(image + " is not pinned to an exact version tag");
            }
        }
        if (!fromFound) {
            pinning.add("no FROM instruction");
        }
        report.check("Containerfile: base images pinned to exact tags", pinning);

        List<String> base = new ArrayList<>();
        Instruction finalFrom = ins.stream().filter(i -> i.stage() == lastStage && i.keyword().equals("FROM")).findFirst().orElse(null);
        if (finalFrom == null || !resolve(firstWord(finalFrom.args()), globalArgs).matches(
                "icr\\.io/appcafe/open-liberty:\\d+\\.\\d+\\.\\d+\\.\\d+-kernel-slim-java(17|21)-openj9-ubi(-minimal)?")) {
            base.add("final stage must run on icr.io/appcafe/open-liberty:<version>-kernel-slim-java17|21-openj9-ubi");
        }
        report.check("Containerfile: runtime is the official Open Liberty kernel-slim image", base);

        List<Instruction> fin = ins.stream().filter(i -> i.stage() == lastStage).toList();
        String lastUser = null;
        for (Instruction i : fin) {
            if (i.keyword().equals("USER")) {
                lastUser = firstWord(i.args());
            }
        }
        report.check("Containerfile: runs as USER 1001",
                "1001".equals(lastUser) || "1001:0".equals(lastUser) ? List.of() : List.of("last USER of the final stage is " + lastUser));

        List<String> logs = new ArrayList<>();
        String env = fin.stream().filter(i -> i.keyword().equals("ENV")).map(Instruction::args).reduce("", (a, b) -> a + " " + b);
        if (!env.matches("(?s).*WLP_LOGGING_CONSOLE_FORMAT[= ]\"?JSON.*")) {
            logs.add("ENV WLP_LOGGING_CONSOLE_FORMAT=JSON missing");
        }
        if (!env.matches("(?s).*WLP_LOGGING_CONSOLE_SOURCE[= ]\"?message,trace,accessLog,ffdc,audit.*")) {
            logs.add("ENV WLP_LOGGING_CONSOLE_SOURCE=message,trace,accessLog,ffdc,audit missing");
        }
        report.check("Containerfile: JSON logs to stdout", logs);

        // features.sh reads /config/server.xml: it must be the repository's server config, copied first.
        List<String> feat = new ArrayList<>();
        int copyConfig = -1;
        int featuresSh = -1;
        int configureSh = -1;
        for (int n = 0; n < fin.size(); n++) {
            Instruction i = fin.get(n);
            String a = i.args();
            if ((i.keyword().equals("COPY") || i.keyword().equals("ADD"))) {
                List<String> words = words(a);
                String dest = words.isEmpty() ? "" : words.get(words.size() - 1);
                boolean fromStage = a.contains("--from=");
                boolean configSource = words.stream().anyMatch(w -> w.matches("liberty/config/?"));
                if (configSource && !fromStage && dest.matches("/config/?")) {
                    if (copyConfig < 0) {
                        copyConfig = n;
                    }
                } else if (featuresSh >= 0 && (dest.startsWith("/config") || dest.startsWith("/opt/ol/"))
                        && !(dest.startsWith("/config/apps/") || dest.startsWith("/config/lib/")
                                || dest.startsWith("/config/dropins/"))) {
                    // Only the server configuration matters here; other paths (migrations) cannot add features.
                    feat.add("COPY/ADD to " + dest + " after features.sh may change the server configuration");
                } else if (featuresSh < 0 && dest.startsWith("/config") && !configSource) {
                    feat.add("COPY/ADD to " + dest + " before features.sh adds configuration that is not liberty/config/");
                }
            }
            if (i.keyword().equals("RUN")) {
                if (a.matches("(?s).*\\bfeatures\\.sh\\b.*")) {
                    if (featuresSh >= 0) {
                        feat.add("features.sh runs more than once");
                    }
                    featuresSh = n;
                }
                if (a.matches("(?s).*\\bconfigure\\.sh\\b.*")) {
                    configureSh = n;
                }
                if (a.matches("(?s).*\\b(featureUtility|installUtility|featureManager)\\b.*")) {
                    feat.add("installs features outside features.sh: " + a);
                }
            }
        }
        if (copyConfig < 0) {
            feat.add("liberty/config/ is not copied to /config/ in the final stage");
        }
        if (featuresSh < 0) {
            feat.add("RUN features.sh missing");
        }
        if (copyConfig >= 0 && featuresSh >= 0 && copyConfig > featuresSh) {
            feat.add("features.sh runs before liberty/config/ is copied to /config/");
        }
        if (features.isEmpty()) {
            feat.add("liberty/config/server.xml names no feature");
        }
        report.check("Containerfile: features.sh installs exactly the server.xml features " + features, feat);

        List<String> order = new ArrayList<>();
        if (configureSh < 0) {
            order.add("RUN configure.sh missing");
        } else if (configureSh < featuresSh) {
            order.add("configure.sh must run after features.sh");
        }
        report.check("Containerfile: configure.sh after features.sh", order);

        List<String> deps = new ArrayList<>();
        Set<String> dests = new LinkedHashSet<>();
        for (Instruction i : fin) {
            if (i.keyword().equals("COPY") || i.keyword().equals("ADD")) {
                List<String> w = words(i.args());
                if (!w.isEmpty()) {
                    dests.add(w.get(w.size() - 1));
                }
            }
        }
        String app = "emporium.war";
        String jdbcDir = "${server.config.dir}/lib";
        String jdbcFile = "postgresql.jar";
        if (server != null) {
            NodeList apps = server.getElementsByTagName("webApplication");
            if (apps.getLength() > 0) {
                app = ((Element) apps.item(0)).getAttribute("location");
            }
            NodeList filesets = server.getElementsByTagName("fileset");
            if (filesets.getLength() > 0) {
                Element fs = (Element) filesets.item(0);
                jdbcDir = fs.getAttribute("dir");
                jdbcFile = fs.getAttribute("includes");
            }
        }
        String expectedApp = app.startsWith("/") ? app : "/config/apps/" + app;
        if (!dests.contains(expectedApp) && !dests.contains("/config/dropins/" + app)) {
            deps.add("the WAR is not copied to " + expectedApp + " (server.xml webApplication location=" + app + ")");
        }
        String expectedJdbc = jdbcDir.replace("${server.config.dir}", "/config") + "/" + jdbcFile;
        if (!dests.contains(expectedJdbc)) {
            deps.add("the JDBC driver is not copied to " + expectedJdbc + " (server.xml library fileset)");
        }
        report.check("Containerfile: WAR and JDBC driver where server.xml expects them", deps);

        List<String> needed = new ArrayList<>();
        if (features.stream().noneMatch(f -> f.toLowerCase(Locale.ROOT).startsWith("mphealth-"))) {
            needed.add("mpHealth missing (the probes need /health/*)");
        }
        if (features.stream().noneMatch(f -> f.toLowerCase(Locale.ROOT).startsWith("mpmetrics-"))) {
            needed.add("mpMetrics missing (the ServiceMonitor scrapes /metrics)");
        }
        report.check("server.xml: features that the deployment relies on", needed);
    }

    /** The features of server.xml and of the includes it names under the same directory. */
    public static Set<String> serverFeatures(Path xml, Set<Path> visited) {
        Set<String> out = new LinkedHashSet<>();
        if (!visited.add(xml.toAbsolutePath().normalize()) || !Files.isRegularFile(xml)) {
            return out;
        }
        Document doc = parseXml(xml);
        NodeList fs = doc.getElementsByTagName("feature");
        for (int i = 0; i < fs.getLength(); i++) {
            out.add(fs.item(i).getTextContent().trim());
        }
        NodeList includes = doc.getElementsByTagName("include");
        for (int i = 0; i < includes.getLength(); i++) {
            String loc = ((Element) includes.item(i)).getAttribute("location").replace("${server.config.dir}/", "");
            if (!loc.contains("${") && !loc.startsWith("http")) {
                out.addAll(serverFeatures(xml.getParent().resolve(loc), visited));
            }
        }
        return out;
    }

    static Document parseXml(Path xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + xml + ": " + e.getMessage(), e);
        }
    }

    /** Splits a Containerfile into instructions (continuations joined, comments dropped). */
    public static List<Instruction> parse(String text) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int stage = -1;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (current.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (current.length() > 0 && line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String joined = current.toString().strip();
            current.setLength(0);
            Matcher m = Pattern.compile("^(\\S+)\\s*(.*)$", Pattern.DOTALL).matcher(joined);
            if (m.matches()) {
                String kw = m.group(1).toUpperCase(Locale.ROOT);
                if (kw.equals("FROM")) {
                    stage++;
                }
                out.add(new Instruction(stage, kw, m.group(2).strip()));
            }
        }
        return out;
    }

    /** Replaces ${NAME} / $NAME by the default of a global ARG; unknown arguments stay as they are. */
    static String resolve(String image, Map<String, String> args) {
        Matcher m = Pattern.compile("^\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?$").matcher(image);
        return m.matches() && args.containsKey(m.group(1)) ? args.get(m.group(1)) : image;
    }

    private static boolean isStageName(List<Instruction> ins, String name) {
        return ins.stream().anyMatch(i -> i.keyword().equals("FROM")
                && i.args().toLowerCase(Locale.ROOT).matches(".*\\bas\\s+" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "\\s*$"));
    }

    private static String firstWord(String s) {
        List<String> w = words(s);
        return w.isEmpty() ? "" : w.get(0);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.trim().split("\\s+")) {
            if (!w.isEmpty() && !w.startsWith("--")) {
                out.add(w);
            }
        }
        return out;
    }
}
