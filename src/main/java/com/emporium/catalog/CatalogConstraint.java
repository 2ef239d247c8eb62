package com.emporium.catalog;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The database constraints (V7) that close the races the services' own checks cannot: when one of
 * them fires, the service answers with the same problem its check would have given.
 */
final class CatalogConstraint {
    static final String PRODUCT_CATEGORY_LIVE = "product_category_live";
    static final String CATEGORY_ARCHIVED_EMPTY = "category_archived_empty";

    private CatalogConstraint() {}

    static boolean violated(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                return message != null && constraint.equals(message.getConstraint());
            }
        }
        return false;
    }
}
