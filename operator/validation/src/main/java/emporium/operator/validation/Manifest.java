package emporium.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One Kubernetes object from a YAML stream, with the name of the stream it came from. */
public record Manifest(String source, JsonNode node) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public String apiVersion() {
        return node.path("apiVersion").asText("");
    }

    public String kind() {
        return node.path("kind").asText("");
    }

    public String name() {
        return node.path("metadata").path("name").asText("");
    }

    public String group() {
        String api = apiVersion();
        int slash = api.indexOf('/');
        return slash < 0 ? "" : api.substring(0, slash);
    }

    public String version() {
        String api = apiVersion();
        return api.substring(api.indexOf('/') + 1);
    }

    /** "source: Kind/name", the label used in reports. */
    public String id() {
        return source + ": " + kind() + "/" + name();
    }

    public static List<Manifest> read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Manifest> parse(String source, String yaml) {
        List<Manifest> out = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(yaml)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
                    out.add(new Manifest(source, doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse YAML of " + source + ": " + e.getMessage(), e);
        }
        return out;
    }
}
