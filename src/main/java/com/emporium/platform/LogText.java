package com.emporium.platform;

/**
 * Request data made safe for a log line (OWASP logging cheat sheet, CWE-117): control characters (CR, LF,
 * TAB, ESC, NUL...), Unicode line and paragraph separators and bidirectional overrides become visible
 * backslash-u escapes, and backslashes are doubled, so a value can neither start a forged line in a
 * plain-text log nor split an event of the JSON log, and an escape in the input cannot pass for one of ours.
 */
public final class LogText {
    private LogText() {}

    public static String escape(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unsafe = c == '\\'
                    || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT
                    || c == '\u2028'
                    || c == '\u2029';
            if (unsafe && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (c == '\\') {
                    out.append("\\\\");
                } else if (unsafe) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
