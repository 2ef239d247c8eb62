package com.emporium.pricing;

/** Where goods go: an ISO 3166-1 country and, where tax depends on it, a region ("" for none). */
public record Destination(String country, String region) {
    public Destination {
        region = region == null ? "" : region;
    }
}
