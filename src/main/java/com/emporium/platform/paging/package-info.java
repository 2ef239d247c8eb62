/** Keyset pagination: opaque cursors that carry the sort keys of the last row served. */
package com.emporium.platform.paging;
