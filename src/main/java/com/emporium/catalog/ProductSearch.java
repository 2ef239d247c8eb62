package com.emporium.catalog;

import com.emporium.flags.Flag;
import com.emporium.flags.RequestFlagContext;
import com.emporium.platform.Money;
import com.emporium.platform.paging.Cursor;
import com.emporium.platform.paging.CursorSecret;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The public product list: filters, PostgreSQL full-text search with a trigram fallback for typos,
 * and keyset pagination. Native SQL on purpose: ranking, JSONB containment and row-value comparisons
 * are the PostgreSQL features this query exists for. Every filter and sort has an index (V1, V7).
 */
@ApplicationScoped
class ProductSearch {
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
    private static final int MAX_ATTRIBUTE_FILTERS = 10;
    /** Cursor suffix of a search walk that includes typo (trigram) matches. */
    private static final String TYPO_MODE = "~typo";

    private static final String NOT_ISSUED = "The cursor is not one this API issued.";
    /** A real as Float.toString writes it; anything else (1e50, 1.0f, NaN) was not issued here. */
    private static final Pattern RANK_KEY = Pattern.compile("^-?\\d{1,10}\\.\\d{1,10}(E-?\\d{1,2})?$");
    /** Timestamps PostgreSQL holds comfortably; an edited year 300000 is refused, not a 500. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Resource(lookup = "jdbc/emporium")
    DataSource dataSource;

    @Inject
    CursorSecret cursorSecret;

    @Inject
    Client flags;

    @Inject
    RequestFlagContext flagContext;

    ProductSearch() {}

    /**
     * The list query outside the server, wired by hand: the catalog benchmarks run the SQL the list
     * really sends against a database of their own.
     */
    static ProductSearch outsideServer(
            DataSource dataSource, CursorSecret cursorSecret, Client flags, RequestFlagContext flagContext) {
        ProductSearch search = new ProductSearch();
        search.dataSource = dataSource;
        search.cursorSecret = cursorSecret;
        search.flags = flags;
        search.flagContext = flagContext;
        return search;
    }

    /**
     * One page of the list, and the total when the query asks for it. A search matches words exactly
     * (full-text, index-only); only when that finds nothing at all does it widen to trigram matches
     * that forgive typos, so the choice never depends on the page size. The cursor remembers which of
     * the two a walk uses, and is signed for this query's filters.
     */
    ProductListing list(ProductQuery query, Map<String, List<String>> attributes) {
        ProductSort sort = ProductSort.parse(query.sort, query.searching());
        int size = query.pageSize();
        String scope = scopeOf(query, attributes);
        Cursor cursor = query.cursor == null
                ? null
                : Cursor.decode(query.cursor, cursorSecret.get(), scope, 2, sort.param, sort.param + TYPO_MODE);
        boolean forgiving = cursor != null && cursor.sort().endsWith(TYPO_MODE);
        List<Row> rows = run(pageQuery(query, attributes, sort, cursor, forgiving, size));
        if (query.searching() && cursor == null && rows.isEmpty() && typoFallbackEnabled()) {
            forgiving = true;
            rows = run(pageQuery(query, attributes, sort, null, true, size));
        }
        Optional<String> next = Optional.empty();
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Row last = rows.get(size - 1);
            String mode = forgiving ? sort.param + TYPO_MODE : sort.param;
            next = Optional.of(new Cursor(mode, List.of(last.key(sort), Long.toString(last.summary.id())))
                    .encode(cursorSecret.get(), scope));
        }
        Page<ProductSummary> page = new Page<>(rows.stream().map(Row::summary).toList(), next);
        OptionalLong total =
                query.wantsCount() ? OptionalLong.of(count(query, attributes, forgiving)) : OptionalLong.empty();
        return new ProductListing(page, total);
    }

    boolean typoFallbackEnabled() {
        Flag flag = Flag.SEARCH_TYPO_FALLBACK;
        return flags.getBooleanValue(flag.key(), flag.fallback(), flagContext.current());
    }

    /** What a cursor is bound to besides its sort: every filter, in one canonical spelling. */
    static String scopeOf(ProductQuery query, Map<String, List<String>> attributes) {
        StringBuilder scope = new StringBuilder();
        String[] filters = {
            query.searching() ? query.q : "", query.category, query.minPrice, query.maxPrice, query.inStock
        };
        for (String value : filters) {
            scope.append(value == null ? "" : value).append('\0');
        }
        new TreeMap<>(attributes)
                .forEach((name, values) -> scope.append(name)
                        .append('=')
                        .append(String.join("\1", values.stream().sorted().toList()))
                        .append('\0'));
        return scope.toString();
    }

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
        if (query.searching() && forgiving) {
            // Typo matches have no full-text rank; how closely the name is spelled ranks them.
            rank = "(ts_rank(p.search, websearch_to_tsquery('english', ?)) + word_similarity(?, p.name))::real";
            SearchTerms terms = SearchTerms.parse(query.q);
            sql.params.add(query.q);
            sql.params.add(terms.hasWords() ? terms.words() : query.q);
        } else if (query.searching()) {
            // Exact matches rank by ts_rank alone (a word in the name weighs 1.0, in the description 0.4):
            // a trigram similarity on top was a second ranking pass over every match before the LIMIT.
            rank = "ts_rank(p.search, websearch_to_tsquery('english', ?))";
            sql.params.add(query.q);
        }
        // The page is chosen first (filter, rank, sort, limit) and only its rows get an image and their
        // availability: computed before the LIMIT, those lookups would run for every match.
        sql.text
                .append("SELECT page.*, (SELECT i.url FROM product_image i WHERE i.product_id = page.id")
                .append(" ORDER BY i.position, i.id LIMIT 1) AS image,")
                .append(" EXISTS (SELECT 1 FROM variant v JOIN available_stock a ON a.sku = v.sku")
                .append(" WHERE v.product_id = page.id AND NOT v.archived) AS in_stock")
                .append(" FROM (SELECT * FROM (SELECT p.id, p.slug, p.name, c.slug AS category, p.price_from,")
                .append(" p.currency, p.created_at, ")
                .append(rank)
                .append(" AS rank FROM product p JOIN category c ON c.id = p.category_id WHERE ")
                .append(where.text)
                .append(") matches");
        sql.params.addAll(where.params);
        if (cursor != null) {
            sql.text.append(" WHERE ").append(sort.after);
            sql.params.add(keyParam(sort, cursor.keys().get(0)));
            sql.params.add(idParam(cursor.keys().get(1)));
        }
        sql.text.append(" ORDER BY ").append(sort.orderBy).append(" LIMIT ?");
        sql.params.add(size + 1);
        sql.text.append(") page ORDER BY ").append(sort.orderBy);
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
        where.text.append(Product.PUBLIC_SQL);
        if (query.category != null) {
            // The subtree's ids as a literal array: with a subquery the planner cannot see how few
            // categories match and walks a sort index through thousands of rows of other shelves.
            where.text.append(" AND p.category_id = ANY(?)");
            where.params.add(subtreeIds(query.category));
        } else {
            where.text.append(" AND p.category_id IN (SELECT id FROM category WHERE NOT archived)");
        }
        boolean inStock = "true".equals(query.inStock);
        if (attributes.isEmpty() && !inStock) {
            // Price alone filters the price a product is listed at (its cheapest live variant); this
            // column has the index that keeps a price range fast.
            if (query.minPriceValue() != null) {
                where.text.append(" AND p.price_from >= ?");
                where.params.add(query.minPriceValue());
            }
            if (query.maxPriceValue() != null) {
                where.text.append(" AND p.price_from <= ?");
                where.params.add(query.maxPriceValue());
            }
        } else {
            appendVariantFilter(where, query, attributes, inStock);
        }
        if (query.searching() && forgiving) {
            appendForgivingSearch(where, query.q);
        } else if (query.searching()) {
            where.text.append(" AND p.search @@ websearch_to_tsquery('english', ?)");
            where.params.add(query.q);
        }
        return where;
    }

    /**
     * Exact words, or (for a typo) plain words similar to the name; either way quoted phrases must be
     * present and excluded words absent, as the query said.
     */
    private static void appendForgivingSearch(Sql where, String q) {
        SearchTerms terms = SearchTerms.parse(q);
        where.text.append(" AND (p.search @@ websearch_to_tsquery('english', ?)");
        where.params.add(q);
        if (terms.hasWords()) {
            where.text.append(" OR (? <% p.name");
            where.params.add(terms.words());
            if (terms.hasPhrases()) {
                where.text.append(" AND p.search @@ websearch_to_tsquery('english', ?)");
                where.params.add(terms.phrases());
            }
            if (terms.hasExclusions()) {
                where.text.append(" AND NOT p.search @@ websearch_to_tsquery('english', ?)");
                where.params.add(terms.exclusions());
            }
            where.text.append(")");
        }
        where.text.append(")");
    }

    /**
     * Filters that describe a variant (attributes, stock, and with them the price) must all hold for
     * one and the same live variant: a red shirt that is in stock, not a red one that is sold out and
     * a blue one that is not. Several values of one attribute are alternatives. A value that reads as
     * a number or a boolean also matches the typed JSON value.
     */
    private static void appendVariantFilter(
            Sql where, ProductQuery query, Map<String, List<String>> attributes, boolean inStock) {
        if (attributes.size() > MAX_ATTRIBUTE_FILTERS) {
            throw new InvalidRequest("At most " + MAX_ATTRIBUTE_FILTERS + " attribute filters are allowed.");
        }
        where.text.append(" AND EXISTS (SELECT 1 FROM variant v WHERE v.product_id = p.id AND NOT v.archived");
        if (query.minPriceValue() != null) {
            where.text.append(" AND v.price_amount >= ?");
            where.params.add(query.minPriceValue());
        }
        if (query.maxPriceValue() != null) {
            where.text.append(" AND v.price_amount <= ?");
            where.params.add(query.maxPriceValue());
        }
        if (inStock) {
            // available_stock is the view inventory publishes for exactly this: SKUs with sellable units.
            where.text.append(" AND EXISTS (SELECT 1 FROM available_stock a WHERE a.sku = v.sku)");
        }
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
                                created.toInstant(),
                                rs.getBoolean("in_stock")),
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

    /**
     * Every cursor key is checked against what this API writes before it reaches SQL, so a cursor
     * signed with an older key or written by a bug is a 400, never a database error.
     */
    private static Object keyParam(ProductSort sort, String key) {
        return switch (sort) {
            case PRICE_ASC, PRICE_DESC -> {
                long price = idParam(key);
                if (price < 0) {
                    throw new InvalidRequest(NOT_ISSUED);
                }
                yield price;
            }
            case RELEVANCE -> {
                if (!RANK_KEY.matcher(key).matches()) {
                    throw new InvalidRequest(NOT_ISSUED);
                }
                float rank = Float.parseFloat(key);
                if (!Float.isFinite(rank)) {
                    throw new InvalidRequest(NOT_ISSUED);
                }
                yield rank;
            }
            case NEWEST -> {
                Instant at;
                try {
                    at = Instant.parse(key);
                } catch (DateTimeParseException e) {
                    throw new InvalidRequest(NOT_ISSUED);
                }
                if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                    throw new InvalidRequest(NOT_ISSUED);
                }
                yield OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
            }
            case NAME -> {
                if (key.length() > 200 || key.indexOf('\0') >= 0) {
                    throw new InvalidRequest(NOT_ISSUED);
                }
                yield key;
            }
        };
    }

    private static long idParam(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new InvalidRequest(NOT_ISSUED);
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
