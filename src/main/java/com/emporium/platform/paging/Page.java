package com.emporium.platform.paging;

import java.util.List;
import java.util.Optional;

/** One keyset page: the items and, when more follow, the cursor for the next page. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {}
