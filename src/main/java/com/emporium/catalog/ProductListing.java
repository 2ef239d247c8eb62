package com.emporium.catalog;

import com.emporium.platform.paging.Page;
import java.util.OptionalLong;

/** A page of the public product list and, when asked for, the number of all matching products. */
public record ProductListing(Page<ProductSummary> page, OptionalLong total) {}
