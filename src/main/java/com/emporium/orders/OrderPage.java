package com.emporium.orders;

import com.emporium.platform.paging.Cursor;
import com.emporium.platform.paging.Page;
import java.util.List;
import java.util.Optional;

/** A keyset page of orders, newest first; pass {@code nextCursor} back as {@code cursor}. */
public record OrderPage(List<OrderView> items, String nextCursor) {
    static final String SORT = "orders-newest";

    /**
     * The page with its next cursor, signed for {@code scope} (the caller and filters of this listing) so
     * that a cursor cannot be edited or carried to another listing.
     */
    static OrderPage of(Page<OrderView> page, byte[] secret, String scope) {
        return new OrderPage(
                page.items(),
                page.nextCursor()
                        .map(id -> new Cursor(SORT, List.of(id)).encode(secret, scope))
                        .orElse(null));
    }

    /** The id the next page starts below; a cursor of another listing or an edited one is a 400. */
    static Optional<Long> before(String cursor, byte[] secret, String scope) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        String key = Cursor.decode(cursor, secret, scope, 1, SORT).keys().get(0);
        try {
            return Optional.of(Long.parseLong(key));
        } catch (NumberFormatException e) {
            throw new com.emporium.platform.problem.InvalidRequest("The cursor is not one this API issued.");
        }
    }
}
