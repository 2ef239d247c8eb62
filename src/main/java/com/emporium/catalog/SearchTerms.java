package com.emporium.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search query split the way PostgreSQL's websearch_to_tsquery reads it: plain words, "quoted
 * phrases", {@code -excluded} words or phrases, and {@code or}. The typo-tolerant fallback compares
 * only the plain words by similarity; phrases and exclusions still have to hold exactly, so a typo
 * search never brings back what the query asked to leave out.
 */
record SearchTerms(String words, String phrases, String exclusions) {

    static SearchTerms parse(String q) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1));
            if (negated) {
                i++;
            }
            String token;
            boolean quoted = q.charAt(i) == '"';
            if (quoted) {
                int end = q.indexOf('"', i + 1);
                end = end < 0 ? n : end;
                token = q.substring(i + 1, end).trim();
                i = end + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
                    end++;
                }
                token = q.substring(i, end);
                i = end;
            }
            if (token.isEmpty()
                    || (!quoted && !negated && token.toLowerCase(Locale.ROOT).equals("or"))) {
                continue;
            }
            if (negated) {
                exclusions.add(quoted ? '"' + token + '"' : token);
            } else if (quoted) {
                phrases.add('"' + token + '"');
            } else {
                words.add(token);
            }
        }
        return new SearchTerms(String.join(" ", words), String.join(" ", phrases), String.join(" or ", exclusions));
    }

    boolean hasWords() {
        return !words.isBlank();
    }

    boolean hasPhrases() {
        return !phrases.isBlank();
    }

    boolean hasExclusions() {
        return !exclusions.isBlank();
    }
}
