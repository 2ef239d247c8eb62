package com.emporium.catalog;

/** A category as staff manage it, including its version for If-Match. */
public record CategoryView(
        long id, String slug, String name, String parent, int position, boolean archived, long version) {
    static CategoryView from(Category c) {
        return new CategoryView(
                c.id(),
                c.slug(),
                c.name(),
                c.parent() == null ? null : c.parent().slug(),
                c.position(),
                c.archived(),
                c.version());
    }
}
