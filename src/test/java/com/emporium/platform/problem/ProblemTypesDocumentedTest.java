package com.emporium.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem type the code can produce is listed in docs/errors.md, so a client author can switch on
 * each {@code type} a response may carry. Wherever a problem is made, its type is a kebab-case literal
 * followed by its short title ({@code Problem.of(409, "sku-taken", "SKU taken", ...)}, a subclass's
 * {@code super("out-of-stock", "Out of stock", ...)}), so that pair is what the sources are searched for.
 * The demo catalog's seed data has the same shape (slug, name) and is left out.
 */
class ProblemTypesDocumentedTest {
    private static final Pattern MADE = Pattern.compile(
            "\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\",\\s*\"[A-Z][^\"]{0,60}\"\\s*[,)]|\"/problems/([a-z0-9-]+)\"");

    @Test
    void everyProblemTypeInTheCodeIsDocumented() throws IOException {
        Set<String> produced = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().startsWith("Demo"))
                    .toList()) {
                Matcher m = MADE.matcher(Files.readString(source));
                while (m.find()) {
                    produced.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        String doc = Files.readString(Path.of("docs/errors.md"));
        assertThat(produced).as("problem types found in the code").hasSizeGreaterThan(10);
        assertThat(produced)
                .as("problem types produced by the code but missing from docs/errors.md")
                .allSatisfy(type -> assertThat(doc).contains("/problems/" + type + "`"));
    }
}
