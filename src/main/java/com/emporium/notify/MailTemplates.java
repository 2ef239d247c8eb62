package com.emporium.notify;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mustache templates for the emails, three files per kind: {@code <kind>.subject}, {@code <kind>.txt} and
 * {@code <kind>.html}. A file in {@code emporium.mail.templates.dir} replaces the built-in one of the same
 * name, so a shop changes its wording without a build. Values are HTML-escaped in the HTML part only.
 */
@ApplicationScoped
public class MailTemplates {
    private static final String BUILT_IN = "/com/emporium/notify/mail/";

    /** Plain text must show "Müller & Söhne", not "M&uuml;ller &amp; S&ouml;hne". */
    private static final MustacheFactory TEXT = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static final MustacheFactory HTML = new DefaultMustacheFactory();

    @Inject
    @ConfigProperty(name = "emporium.mail.templates.dir")
    Optional<String> overrideDir;

    public record Rendered(String subject, String text, String html) {}

    public Rendered render(String kind, Map<String, Object> model) {
        String subject = apply(TEXT, kind + ".subject", model).strip();
        return new Rendered(
                subject.replaceAll("\\s+", " "), apply(TEXT, kind + ".txt", model), apply(HTML, kind + ".html", model));
    }

    private String apply(MustacheFactory factory, String file, Map<String, Object> model) {
        Mustache template = factory.compile(new StringReader(source(file)), file);
        StringWriter out = new StringWriter();
        template.execute(out, model);
        return out.toString();
    }

    private String source(String file) {
        try {
            if (overrideDir.isPresent()) {
                Path custom = Path.of(overrideDir.get()).resolve(file);
                if (Files.isRegularFile(custom)) {
                    return Files.readString(custom, StandardCharsets.UTF_8);
                }
            }
            try (InputStream in = MailTemplates.class.getResourceAsStream(BUILT_IN + file)) {
                if (in == null) {
                    throw new IllegalStateException("No mail template " + file);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
