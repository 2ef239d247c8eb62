package com.emporium.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the catalog's list would cost without its design choices, measured on the same database:
 *
 * <ul>
 *   <li>keyset paging (WHERE (created_at, id) &lt; cursor) against OFFSET paging, at growing depths of
 *       the newest-first list, both returning the same 24 rows (checked);
 *   <li>indexed full-text search against the substring scan a shop often starts with (name or
 *       description ILIKE '%word%'), both newest first, for a common, a mid-frequency, a rare and an
 *       absent word; beside them the relevance-ranked full-text query the API runs, which has to rank
 *       every match before it can return the best 24.
 * </ul>
 *
 * Each pair runs alternately (A B, then B A, ...) after warm-up rounds, and the medians are printed.
 * The SQL mirrors the list query's shape (category join, first-image subquery) so that only the
 * technique differs. Settings: bench.db.url/user/password, bench.rounds (15), bench.products,
 * bench.seed.
 */
public final class BaselineBenchmark {
    private static final String PAGE_COLUMNS =
            "SELECT p.id, p.slug, p.name, c.slug AS category, p.price_from, p.currency, p.created_at,"
                    + " (SELECT i.url FROM product_image i WHERE i.product_id = p.id ORDER BY i.position, i.id LIMIT 1) AS image"
                    + " FROM product p JOIN category c ON c.id = p.category_id"
                    + " WHERE p.status = 'ACTIVE' AND p.price_from IS NOT NULL AND NOT c.archived";
    private static final String NEWEST = " ORDER BY p.created_at DESC, p.id DESC";

    private static final String KEYSET = PAGE_COLUMNS + " AND (p.created_at, p.id) < (?, ?)" + NEWEST + " LIMIT 25";
    private static final String OFFSET = PAGE_COLUMNS + NEWEST + " OFFSET ? LIMIT 25";

    private static final String FULL_TEXT = "SELECT * FROM ("
            + PAGE_COLUMNS.replace(
                    "SELECT p.id,", "SELECT p.id, ts_rank_cd(p.search, websearch_to_tsquery('english', ?)) AS rank,")
            + " AND p.search @@ websearch_to_tsquery('english', ?)) page ORDER BY rank DESC, id DESC LIMIT 25";
    private static final String FULL_TEXT_NEWEST =
            PAGE_COLUMNS + " AND p.search @@ websearch_to_tsquery('english', ?)" + NEWEST + " LIMIT 25";
    private static final String ILIKE = PAGE_COLUMNS
            + " AND (p.name ILIKE '%' || ? || '%' OR p.description ILIKE '%' || ? || '%')" + NEWEST + " LIMIT 25";

    private final int rounds;
    private final int warmUpRounds = 3;

    private BaselineBenchmark(int rounds) {
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        SyntheticCatalog catalog = SyntheticCatalog.fromSettings();
        BaselineBenchmark bench = new BaselineBenchmark(Integer.parseInt(Settings.get("bench.rounds", "15")));
        Properties props = new Properties();
        props.setProperty("user", Settings.dbUser());
        props.setProperty("password", Settings.dbPassword());
        try (Connection db = DriverManager.getConnection(Settings.dbUrl(), props)) {
            long active = single(db, "SELECT count(*) FROM product WHERE status = 'ACTIVE' AND price_from IS NOT NULL");
            System.out.printf(
                    "Active products: %,d; %d warm-up rounds, %d measured rounds, medians in ms%n",
                    active, bench.warmUpRounds, bench.rounds);

            System.out.println();
            System.out.println("Newest-first list, 24 items per page: keyset cursor vs OFFSET");
            System.out.printf("%-12s %10s %14s %14s %8s%n", "page", "offset", "keyset (ms)", "OFFSET (ms)", "ratio");
            for (int page : new int[] {2, 10, 100, 1_000, 3_000}) {
                int offset = (page - 1) * 24;
                if (offset >= active) {
                    continue;
                }
                bench.paging(db, page, offset);
            }

            System.out.println();
            System.out.println(
                    "Search, first 24 results. Same order (newest first): full-text via GIN vs name/description"
                            + " ILIKE '%word%'; and the relevance-ranked full-text the API runs (ts_rank_cd over all matches)");
            System.out.printf(
                    "%-22s %9s %14s %14s %8s %14s%n",
                    "word", "matches", "FTS new (ms)", "ILIKE (ms)", "ratio", "FTS rank (ms)");
            bench.search(db, "common: " + catalog.word(0), catalog.word(0));
            bench.search(db, "mid: " + catalog.word(800), catalog.word(800));
            bench.search(db, "rare: " + catalog.word(4000), catalog.word(4000));
            bench.search(db, "absent: lighthouse", "lighthouse");
        }
    }

    private void paging(Connection db, int page, int offset) throws SQLException {
        // The cursor a client holds after page (page - 1): the last row before this page.
        Timestamp createdAt;
        long id;
        try (PreparedStatement s =
                db.prepareStatement("SELECT p.created_at, p.id FROM product p JOIN category c ON c.id = p.category_id"
                        + " WHERE p.status = 'ACTIVE' AND p.price_from IS NOT NULL AND NOT c.archived" + NEWEST
                        + " OFFSET ? LIMIT 1")) {
            s.setInt(1, offset - 1);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                createdAt = rs.getTimestamp(1);
                id = rs.getLong(2);
            }
        }
        try (PreparedStatement keyset = db.prepareStatement(KEYSET);
                PreparedStatement offsetQuery = db.prepareStatement(OFFSET)) {
            keyset.setTimestamp(1, createdAt);
            keyset.setLong(2, id);
            offsetQuery.setInt(1, offset);
            if (!ids(keyset).equals(ids(offsetQuery))) {
                throw new IllegalStateException("Keyset and OFFSET pages differ at page " + page);
            }
            double[][] ms = alternate(keyset, offsetQuery);
            double a = median(ms[0]);
            double b = median(ms[1]);
            System.out.printf("%-12s %,10d %14.2f %14.2f %7.1fx%n", page, offset, a, b, b / a);
        }
    }

    private void search(Connection db, String label, String word) throws SQLException {
        long matches;
        try (PreparedStatement s = db.prepareStatement(
                "SELECT count(*) FROM product WHERE search @@ websearch_to_tsquery('english', ?)")) {
            s.setString(1, word);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                matches = rs.getLong(1);
            }
        }
        try (PreparedStatement ranked = db.prepareStatement(FULL_TEXT);
                PreparedStatement fullText = db.prepareStatement(FULL_TEXT_NEWEST);
                PreparedStatement ilike = db.prepareStatement(ILIKE)) {
            ranked.setString(1, word);
            ranked.setString(2, word);
            fullText.setString(1, word);
            ilike.setString(1, word);
            ilike.setString(2, word);
            double[][] ms = alternate(fullText, ilike);
            double a = median(ms[0]);
            double b = median(ms[1]);
            double[][] rankedMs = alternate(ranked, fullText);
            System.out.printf(
                    "%-22s %,9d %14.2f %14.2f %7.1fx %14.2f%n", label, matches, a, b, b / a, median(rankedMs[0]));
        }
    }

    /** Runs a and b alternately, swapping which goes first each round; returns the measured times. */
    private double[][] alternate(PreparedStatement a, PreparedStatement b) throws SQLException {
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        for (int r = -warmUpRounds; r < rounds; r++) {
            double x;
            double y;
            if ((r & 1) == 0) {
                x = time(a);
                y = time(b);
            } else {
                y = time(b);
                x = time(a);
            }
            if (r >= 0) {
                ta[r] = x;
                tb[r] = y;
            }
        }
        return new double[][] {ta, tb};
    }

    private static double time(PreparedStatement s) throws SQLException {
        long start = System.nanoTime();
        ids(s);
        return (System.nanoTime() - start) / 1e6;
    }

    private static List<Long> ids(PreparedStatement s) throws SQLException {
        List<Long> ids = new ArrayList<>(25);
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
