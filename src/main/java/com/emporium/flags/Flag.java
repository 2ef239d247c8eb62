package com.emporium.flags;

/**
 * The flags that gate code paths, each with the value used when the flag is missing from the file or
 * cannot be evaluated. Defaults keep today's behaviour, so a lost or broken flag file changes nothing.
 */
public enum Flag {
    SEARCH_TYPO_FALLBACK("search-typo-fallback", true),
    GUEST_CHECKOUT("guest-checkout", true),
    LOYALTY_EARNING("loyalty-earning", true),
    LOYALTY_REDEMPTION("loyalty-redemption", true);

    private final String key;
    private final boolean fallback;

    Flag(String key, boolean fallback) {
        this.key = key;
        this.fallback = fallback;
    }

    public String key() {
        return key;
    }

    public boolean fallback() {
        return fallback;
    }
}
