package com.emporium.platform.http;

/**
 * If-None-Match as RFC 9110 §13.1.2 defines it: {@code *} or a list of entity tags, compared weakly,
 * because caches and compressing proxies hand back {@code W/"..."} for a body that is still the same.
 */
public final class IfNoneMatch {
    private IfNoneMatch() {}

    /** True when the header is {@code *} or lists this tag, weak or strong. */
    public static boolean matches(String header, String opaque) {
        if (header == null) {
            return false;
        }
        if (header.trim().equals("*")) {
            return true;
        }
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (header.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || header.charAt(i) != '"') {
                return false; // not a list of entity tags: ignore it, as if it were absent
            }
            int end = header.indexOf('"', i + 1);
            if (end < 0) {
                return false;
            }
            if (header.substring(i + 1, end).equals(opaque)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }
}
