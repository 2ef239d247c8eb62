package com.emporium.platform.problem;

import com.emporium.platform.json.UnrepresentableNumber;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JSON-B failure into the field it concerns. Yasson reports the property being read by wrapping
 * the failure once per level ("Unable to deserialize property 'lines' because of: ..."), so the path is
 * rebuilt from that chain: {@code lines.quantity}. List positions are not reported by the binder.
 */
final class UnreadableBody {
    private static final Pattern PROPERTY = Pattern.compile("^Unable to deserialize property '([^']+)' because of:");
    private static final Pattern UNKNOWN = Pattern.compile("^Json property (\\S+) can not be mapped to a class");

    private UnreadableBody() {}

    /** A field error for an out-of-range number or an undeclared property; empty for other failures. */
    static Optional<Problem> of(JsonbException failure) {
        StringBuilder path = new StringBuilder();
        Throwable t = failure;
        while (t instanceof JsonbException) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher property = PROPERTY.matcher(message);
            if (t instanceof UnrepresentableNumber) {
                return Optional.of(invalid(path.toString(), message));
            }
            Matcher unknown = UNKNOWN.matcher(message);
            if (unknown.find()) {
                return Optional.of(invalid(join(path, unknown.group(1)), "is not a property of this request"));
            }
            if (!property.find() || t.getCause() == null) {
                return Optional.empty();
            }
            path.replace(0, path.length(), join(path, property.group(1)));
            t = t.getCause();
        }
        return Optional.empty();
    }

    private static String join(StringBuilder path, String name) {
        return path.length() == 0 ? name : path + "." + name;
    }

    private static Problem invalid(String field, String message) {
        return Problem.of(400, "validation", "Invalid request", "One or more fields are invalid.")
                .withErrors(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message)));
    }
}
