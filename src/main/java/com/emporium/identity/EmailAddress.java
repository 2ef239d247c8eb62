package com.emporium.identity;

import java.net.IDN;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one spelling of an email address that an account is stored and looked up under (docs/security.md,
 * "Email addresses"). Unicode is normalised to NFC, so composed and decomposed spellings are one
 * address; the domain is case-folded (DNS is case-insensitive) and so is the local part: RFC 5321 lets a
 * mail server treat it as case-sensitive, but no provider a shop's customers use does, and two accounts
 * differing only in case would be a support and phishing hazard. Lengths are checked on the normalised
 * form, since case-folding can lengthen a string.
 *
 * <p>Look-alikes are refused rather than mapped: an address whose local part or any domain label mixes
 * scripts (Latin with Cyrillic, say), or that holds compatibility characters (full-width letters,
 * ligatures), invisible formatting characters or controls is not accepted (UTS #39's single-script rule).
 * Quoted local parts and address literals are not accepted either.
 */
public final class EmailAddress {
    static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_LENGTH = 64;
    private static final String ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";
    /** Scripts every writing system shares (digits, punctuation, combining marks): no confusion risk alone. */
    private static final Set<Character.UnicodeScript> NEUTRAL =
            EnumSet.of(Character.UnicodeScript.COMMON, Character.UnicodeScript.INHERITED);

    private EmailAddress() {}

    /** The normalised address, or empty when the input is not an address an account may have. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String nfc = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        int at = nfc.lastIndexOf('@');
        if (at <= 0 || at == nfc.length() - 1 || nfc.indexOf('@') != at) {
            return Optional.empty();
        }
        String local = fold(nfc.substring(0, at));
        String domain = fold(nfc.substring(at + 1));
        String address = local + "@" + domain;
        if (local.codePointCount(0, local.length()) > MAX_LOCAL_LENGTH
                || address.codePointCount(0, address.length()) > MAX_LENGTH
                || !Normalizer.normalize(address, Normalizer.Form.NFKC).equals(address)
                || !validLocal(local)
                || !validDomain(domain)) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    /** The normalised address; an unacceptable one is the caller's mistake. */
    public static String normalized(String raw) {
        return normalize(raw).orElseThrow(InvalidEmail::new);
    }

    private static String fold(String part) {
        return Normalizer.normalize(part.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    private static boolean validLocal(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        boolean ok = local.codePoints()
                .allMatch(
                        c -> c == '.' || ATEXT_SPECIALS.indexOf(c) >= 0 || (c < 128 ? isAsciiAlnum(c) : isWordChar(c)));
        return ok && singleScript(local);
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty()
                    || label.length() > 63
                    || label.startsWith("-")
                    || label.endsWith("-")
                    || !label.codePoints().allMatch(c -> c == '-' || (c < 128 ? isAsciiAlnum(c) : isWordChar(c)))
                    || !singleScript(label)) {
                return false;
            }
        }
        try {
            return IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).length() <= 253;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isAsciiAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Letters, marks and digits of any script; never controls, spaces, format or private-use characters. */
    private static boolean isWordChar(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER -> true;
            default -> false;
        };
    }

    /** At most one script besides the shared ones; Japanese and Korean mix Han with their own by design. */
    private static boolean singleScript(String part) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        part.codePoints().forEach(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (!NEUTRAL.contains(script)) {
                scripts.add(
                        switch (script) {
                            case HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> Character.UnicodeScript.HAN;
                            default -> script;
                        });
            }
        });
        return scripts.size() <= 1;
    }
}
