package com.emporium.catalog;

import java.util.List;

/** A category in the public tree, with its children in display order. */
public record CategoryNode(long id, String slug, String name, List<CategoryNode> children) {}
