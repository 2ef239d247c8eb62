/**
 * Keyset pagination: opaque cursors that carry the sort keys of the last row served, signed with a key
 * shared through the database so that a cursor cannot be edited or moved to another query.
 */
package com.emporium.platform.paging;
