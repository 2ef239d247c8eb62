package emporium.operator.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration keys of docs/configuration.md: a markdown table with the columns
 * | Key | Env var | Default | Secret | Description |  (Secret is "yes" or "no").
 */
public final class ConfigurationTable {

    public record Entry(String key, String envVar, boolean secret) {
    }

    public static List<Entry> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Entry> parse(String markdown) {
        List<Entry> entries = new ArrayList<>();
        int envCol = -1;
        int secretCol = -1;
        int keyCol = -1;
        for (String raw : markdown.split("\\R")) {
            String line = raw.trim();
            if (!line.startsWith("|")) {
                envCol = -1;
                continue;
            }
            String[] cells = cells(line);
            if (envCol < 0) {
                for (int i = 0; i < cells.length; i++) {
                    String c = cells[i].toLowerCase();
                    if (c.equals("env var")) {
                        envCol = i;
                    } else if (c.equals("secret")) {
                        secretCol = i;
                    } else if (c.equals("key")) {
                        keyCol = i;
                    }
                }
                if (envCol < 0 || secretCol < 0) {
                    envCol = -1;
                }
                continue;
            }
            if (line.matches("\\|[\\s:|-]+")) {
                continue;
            }
            if (cells.length <= Math.max(envCol, secretCol)) {
                continue;
            }
            String env = cells[envCol].replace("`", "").trim();
            if (env.isEmpty() || env.equals("-")) {
                continue;
            }
            String key = keyCol >= 0 && keyCol < cells.length ? cells[keyCol].replace("`", "").trim() : env;
            boolean secret = cells[secretCol].replace("`", "").trim().toLowerCase().startsWith("yes");
            entries.add(new Entry(key, env, secret));
        }
        return entries;
    }

    private static String[] cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        String[] parts = inner.split("(?<!\\\\)\\|", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
        }
        return parts;
    }
}
