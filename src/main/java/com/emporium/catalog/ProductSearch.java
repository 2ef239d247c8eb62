package com.emporium.catalog;

import com.emporium.flags.Flag;
import com.emporium.flags.RequestFlagContext;
import com.emporium.platform.Money;
import com.emporium.platform.paging.Cursor;
import com.emporium.platform.paging.Page;
import com.emporium.platform.problem.InvalidRequest;
import dev.openfeature.sdk.Client;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The public product list: filters, PostgreSQL full-text search with a trigram fallback for typos,
 * and keyset pagination. Native SQL on purpose: ranking, JSONB containment and row-value comparisons
 * are the PostgreSQL features this query exists for. Every filter and sort has an index (V1).
 */
@ApplicationScoped
public class ProductSearch {
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
    private static final int MAX_ATTRIBUTE_FILTERS = 10;
    /** Cursor suffix of a search walk that includes typo (trigram) matches. */
    private static final String TYPO_MODE = "~typo";

    @Resource(lookup = "jdbc/emporium")
    DataSource dataSource;

    @Inject
    Client flags;

    @Inject
    RequestFlagContext flagContext;

    /**
     * One page of the list, and the total when the query asks for it. A search first matches words
     * exactly (full-text, index-only); only when that finds less than one page does it widen to
     * trigram matches that forgive typos. The cursor remembers which of the two a walk uses.
     */
    public Listing list(ProductQuery query, Map<String, List<String>> attributes) {
        ProductSort sort = ProductSort.parse(query.sort, query.searching());
        int size = query.pageSize();
        Cursor cursor =
                query.cursor == null ? null : Cursor.decode(query.cursor, 2, sort.param, sort.param + TYPO_MODE);
        boolean forgiving = cursor != null && cursor.sort().endsWith(TYPO_MODE);
        List<Row> rows = run(pageQuery(query, attributes, sort, cursor, forgiving, size));
        if (query.searching() && cursor == null && rows.size() < size && typoFallbackEnabled()) {
            forgiving = true;
            rows = run(pageQuery(query, attributes, sort, null, true, size));
        }
        Optional<String> next = Optional.empty();
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Row last = rows.get(size - 1);
            String mode = forgiving ? sort.param + TYPO_MODE : sort.param;
            next = Optional.of(new Cursor(mode, List.of(last.key(sort), Long.toString(last.summary.id()))).encode());
        }
        Page<ProductSummary> page = new Page<>(rows.stream().map(Row::summary).toList(), next);
        OptionalLong total =
                query.wantsCount() ? OptionalLong.of(count(query, attributes, forgiving)) : OptionalLong.empty();
        return new Listing(page, total);
    }

    private boolean typoFallbackEnabled() {
        Flag flag = Flag.SEARCH_TYPO_FALLBACK;
        return flags.getBooleanValue(flag.key(), flag.fallback(), flagContext.current());
    }

    /** A page and, when asked for, the number of all matching products. */
    public record Listing(Page<ProductSummary> page, OptionalLong total) {}

    private Sql pageQuery(
            ProductQuery query,
            Map<String, List<String>> attributes,
            ProductSort sort,
            Cursor cursor,
            boolean forgiving,
            int size) {
        Sql where = filters(query, attributes, forgiving);
        Sql sql = new Sql();
        String rank = "0::real";
        if (query.searching()) {
            rank = "(ts_rank(p.search, websearch_to_tsquery('english', ?)) + word_similarity(?, p.name))::real";
            sql.params.add(query.q);
            sql.params.add(query.q);
        }
        sql.text
                .append(
                        "SELECT * FROM (SELECT p.id, p.slug, p.name, c.slug AS category, p.price_from, p.currency, p.created_at, ")
                .append(rank)
                .append(
                        " AS rank, (SELECT i.url FROM product_image i WHERE i.product_id = p.id ORDER BY i.position, i.id LIMIT 1) AS image")
                .append(" FROM product p JOIN category c ON c.id = p.category_id WHERE ")
                .append(where.text)
                .append(") page");
        sql.params.addAll(where.params);
        if (cursor != null) {
            sql.text.append(" WHERE ").append(sort.after);
            sql.params.add(keyParam(sort, cursor.keys().get(0)));
            sql.params.add(idParam(cursor.keys().get(1)));
        }
        sql.text.append(" ORDER BY ").append(sort.orderBy).append(" LIMIT ").append(size + 1);
        return sql;
    }

    /** The number of products matching the filters; only computed when a client asks for it. */
    private long count(ProductQuery query, Map<String, List<String>> attributes, boolean forgiving) {
        Sql where = filters(query, attributes, forgiving);
        Sql sql = new Sql();
        sql.text.append("SELECT count(*) FROM product p WHERE ").append(where.text);
        sql.params.addAll(where.params);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting products failed", e);
        }
    }

    private Sql filters(ProductQuery query, Map<String, List<String>> attributes, boolean forgiving) {
        Sql where = new Sql();
        where.text.append("p.status = 'ACTIVE' AND p.price_from IS NOT NULL");
        if (query.category != null) {
            // The subtree's ids as a literal array: with a subquery the planner cannot see how few
            // categories match and walks a sort index through thousands of rows of other shelves.
            where.text.append(" AND p.category_id = ANY(?)");
            where.params.add(subtreeIds(query.category));
        } else {
            where.text.append(" AND p.category_id IN (SELECT id FROM category WHERE NOT archived)");
        }
        if (query.minPriceValue() != null) {
            where.text.append(" AND p.price_from >= ?");
            where.params.add(query.minPriceValue());
        }
        if (query.maxPriceValue() != null) {
            where.text.append(" AND p.price_from <= ?");
            where.params.add(query.maxPriceValue());
        }
        if (query.searching() && forgiving) {
            where.text.append(" AND (p.search @@ websearch_to_tsquery('english', ?) OR ? <% p.name)");
            where.params.add(query.q);
            where.params.add(query.q);
        } else if (query.searching()) {
            where.text.append(" AND p.search @@ websearch_to_tsquery('english', ?)");
            where.params.add(query.q);
        }
        if ("true".equals(query.inStock)) {
            // available_stock is the view inventory publishes for exactly this: SKUs with sellable units.
            where.text.append(" AND EXISTS (SELECT 1 FROM variant s JOIN available_stock a ON a.sku = s.sku"
                    + " WHERE s.product_id = p.id AND NOT s.archived)");
        }
        if (!attributes.isEmpty()) {
            appendAttributeFilter(where, attributes);
        }
        return where;
    }

    /**
     * All attribute filters must hold for one and the same variant (a red shirt in size M, not a red S
     * and a blue M). Several values of one attribute are alternatives. A value that reads as a number or
     * a boolean also matches the typed JSON value.
     */
    private static void appendAttributeFilter(Sql where, Map<String, List<String>> attributes) {
        if (attributes.size() > MAX_ATTRIBUTE_FILTERS) {
            throw new InvalidRequest("At most " + MAX_ATTRIBUTE_FILTERS + " attribute filters are allowed.");
        }
        where.text.append(" AND EXISTS (SELECT 1 FROM variant v WHERE v.product_id = p.id AND NOT v.archived");
        attributes.forEach((name, values) -> {
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                throw new InvalidRequest("Attribute filter 'attr." + name + "' does not name a valid attribute.");
            }
            List<String> alternatives = new ArrayList<>();
            for (String value : values) {
                if (value.length() > 200) {
                    throw new InvalidRequest("Attribute filter values are at most 200 characters.");
                }
                alternatives.add(containment(name, b -> b.add(name, value)));
                if (value.matches("-?\\d{1,18}(\\.\\d+)?")) {
                    alternatives.add(containment(name, b -> b.add(name, new BigDecimal(value))));
                }
                if (value.equals("true") || value.equals("false")) {
                    alternatives.add(containment(name, b -> b.add(name, Boolean.parseBoolean(value))));
                }
            }
            where.text.append(" AND (");
            for (int i = 0; i < alternatives.size(); i++) {
                where.text.append(i == 0 ? "" : " OR ").append("v.attributes @> CAST(? AS jsonb)");
                where.params.add(alternatives.get(i));
            }
            where.text.append(")");
        });
        where.text.append(")");
    }

    private static String containment(String name, java.util.function.Consumer<JsonObjectBuilder> value) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        value.accept(json);
        return json.build().toString();
    }

    /** The ids of a live category and all its live descendants. */
    private Long[] subtreeIds(String slug) {
        Sql sql = new Sql();
        sql.text.append("SELECT c.id FROM category root JOIN category c ON c.path LIKE root.path || '%'"
                + " WHERE root.slug = ? AND NOT root.archived AND NOT c.archived");
        sql.params.add(slug);
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading categories failed", e);
        }
        if (ids.isEmpty()) {
            throw new InvalidRequest("Category '" + slug + "' does not exist.");
        }
        return ids.toArray(Long[]::new);
    }

    private List<Row> run(Sql sql) {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Timestamp created = rs.getTimestamp("created_at");
                rows.add(new Row(
                        new ProductSummary(
                                rs.getLong("id"),
                                rs.getString("slug"),
                                rs.getString("name"),
                                rs.getString("category"),
                                new Money(rs.getLong("price_from"), rs.getString("currency")),
                                rs.getString("image"),
                                created.toInstant()),
                        rs.getFloat("rank")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Listing products failed", e);
        }
        return rows;
    }

    private static PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text.toString());
        for (int i = 0; i < sql.params.size(); i++) {
            Object param = sql.params.get(i);
            if (param instanceof Long[] ids) {
                statement.setArray(i + 1, connection.createArrayOf("bigint", ids));
            } else {
                statement.setObject(i + 1, param);
            }
        }
        return statement;
    }

    private static Object keyParam(ProductSort sort, String key) {
        return switch (sort) {
            case PRICE_ASC, PRICE_DESC -> idParam(key);
            case RELEVANCE -> {
                try {
                    Float.parseFloat(key);
                } catch (NumberFormatException e) {
                    throw new InvalidRequest("The cursor is not one this API issued.");
                }
                yield key;
            }
            case NEWEST -> {
                try {
                    java.time.Instant.parse(key);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidRequest("The cursor is not one this API issued.");
                }
                yield key;
            }
            case NAME -> key;
        };
    }

    private static long idParam(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new InvalidRequest("The cursor is not one this API issued.");
        }
    }

    private record Row(ProductSummary summary, float rank) {
        String key(ProductSort sort) {
            return switch (sort) {
                case RELEVANCE -> Float.toString(rank);
                case NEWEST -> summary.createdAt().toString();
                case PRICE_ASC, PRICE_DESC -> Long.toString(summary.priceFrom().amount());
                case NAME -> summary.name();
            };
        }
    }

    private static final class Sql {
        final StringBuilder text = new StringBuilder();
        final List<Object> params = new ArrayList<>();
    }
}
