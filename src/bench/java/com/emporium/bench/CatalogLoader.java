package com.emporium.bench;

import com.emporium.bench.SyntheticCatalog.CategorySpec;
import com.emporium.bench.SyntheticCatalog.ProductSpec;
import com.emporium.bench.SyntheticCatalog.VariantSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads the synthetic catalog with COPY, in one transaction: either all of it is there afterwards or
 * none. Running it again when the catalog is already loaded does nothing; a different or partial
 * synthetic catalog is refused unless bench.replace=true, which deletes only rows whose slug starts
 * with "bench-" (and their variants and images) before loading.
 *
 * <p>Settings (system property or env var): bench.db.url, bench.db.user, bench.db.password,
 * bench.products (100000), bench.seed, bench.replace (false).
 */
public final class CatalogLoader {
    private static final String LIKE_PREFIX = SyntheticCatalog.PREFIX + "%";

    public static void main(String[] args) throws Exception {
        SyntheticCatalog catalog = SyntheticCatalog.fromSettings();
        boolean replace = Boolean.parseBoolean(Settings.get("bench.replace", "false"));
        String url = Settings.dbUrl();
        System.out.printf(
                "Synthetic catalog: %,d products, %d categories -> %s%n",
                catalog.productCount(), catalog.categories().size(), url);
        try (Connection db = DriverManager.getConnection(url, Settings.dbUser(), Settings.dbPassword())) {
            db.setAutoCommit(false);
            long existingProducts = count(db, "SELECT count(*) FROM product WHERE slug LIKE ?");
            long existingCategories = count(db, "SELECT count(*) FROM category WHERE slug LIKE ?");
            if (existingProducts + existingCategories > 0) {
                boolean complete = existingProducts == catalog.productCount()
                        && existingCategories == catalog.categories().size();
                if (!replace) {
                    if (complete) {
                        System.out.printf(
                                "Already loaded: %,d synthetic products and %d categories are present. Nothing to do.%n",
                                existingProducts, existingCategories);
                        System.out.println("(Pass -Dbench.replace=true to delete and reload them.)");
                        return;
                    }
                    throw new IllegalStateException(String.format(
                            "Refusing to load: %,d synthetic products and %d categories (slug '%s...') are already present,"
                                    + " which is not the requested catalog. Pass -Dbench.replace=true to delete them first.",
                            existingProducts, existingCategories, SyntheticCatalog.PREFIX));
                }
                long start = System.nanoTime();
                deleteSynthetic(db);
                System.out.printf("Deleted the previous synthetic catalog in %.1f s%n", seconds(start));
            }

            long start = System.nanoTime();
            long[] categoryIds = insertCategories(db, catalog.categories());
            long step = System.nanoTime();
            List<ProductSpec> products = new ArrayList<>(catalog.productCount());
            for (int n = 1; n <= catalog.productCount(); n++) {
                products.add(catalog.product(n));
            }
            System.out.printf("  generated %,d products in %.1f s%n", products.size(), seconds(step));

            step = System.nanoTime();
            copyProducts(db, products, categoryIds);
            System.out.printf("  copied products in %.1f s%n", seconds(step));

            step = System.nanoTime();
            Map<String, Long> ids = productIds(db);
            int variants = copyVariants(db, products, ids);
            System.out.printf("  copied %,d variants in %.1f s%n", variants, seconds(step));

            step = System.nanoTime();
            copyImages(db, products, ids);
            System.out.printf("  copied %,d images in %.1f s%n", products.size(), seconds(step));

            db.commit();
            System.out.printf("Committed in %.1f s total%n", seconds(start));

            step = System.nanoTime();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("VACUUM (ANALYZE) category, product, variant, product_image");
            }
            System.out.printf("  vacuum + analyze in %.1f s%n", seconds(step));
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, LIKE_PREFIX);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Deletes synthetic rows only. A real product filed under a synthetic category makes the category
     * delete fail on its foreign key, and the whole transaction rolls back.
     */
    private static void deleteSynthetic(Connection db) throws SQLException {
        String products = "SELECT id FROM product WHERE slug LIKE ?";
        for (String sql : List.of(
                "DELETE FROM product_image WHERE product_id IN (" + products + ")",
                "DELETE FROM variant WHERE product_id IN (" + products + ")",
                "DELETE FROM product WHERE slug LIKE ?",
                "DELETE FROM category WHERE slug LIKE ?")) {
            try (PreparedStatement s = db.prepareStatement(sql)) {
                s.setString(1, LIKE_PREFIX);
                s.executeUpdate();
            }
        }
    }

    /** Ids are taken from the sequence first, so that each row's materialised path can hold its own id. */
    private static long[] insertCategories(Connection db, List<CategorySpec> categories) throws SQLException {
        long[] ids = new long[categories.size()];
        try (PreparedStatement s = db.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('category', 'id')) FROM generate_series(1, ?)")) {
            s.setInt(1, categories.size());
            try (ResultSet rs = s.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        String[] paths = new String[categories.size()];
        Timestamp created = Timestamp.from(SyntheticCatalog.NEWEST.minusMillis(SyntheticCatalog.SPAN_MILLIS));
        try (PreparedStatement s =
                db.prepareStatement("INSERT INTO category (id, parent_id, slug, name, path, position, created_at)"
                        + " OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (CategorySpec c : categories) {
                paths[c.index()] = (c.parent() < 0 ? "/" : paths[c.parent()]) + ids[c.index()] + "/";
                s.setLong(1, ids[c.index()]);
                if (c.parent() < 0) {
                    s.setNull(2, java.sql.Types.BIGINT);
                } else {
                    s.setLong(2, ids[c.parent()]);
                }
                s.setString(3, c.slug());
                s.setString(4, c.name());
                s.setString(5, paths[c.index()]);
                s.setInt(6, c.position());
                s.setTimestamp(7, created);
                s.addBatch();
            }
            s.executeBatch();
        }
        return ids;
    }

    private static void copyProducts(Connection db, List<ProductSpec> products, long[] categoryIds)
            throws SQLException, IOException {
        try (Writer out = copy(
                db,
                "COPY product (slug, name, description, category_id, status, price_from, currency,"
                        + " created_at, updated_at) FROM STDIN")) {
            for (ProductSpec p : products) {
                String created = p.createdAt().toString();
                row(
                        out,
                        p.slug(),
                        p.name(),
                        p.description(),
                        Long.toString(categoryIds[p.category()]),
                        p.status(),
                        Long.toString(p.priceFrom()),
                        SyntheticCatalog.CURRENCY,
                        created,
                        created);
            }
        }
    }

    private static Map<String, Long> productIds(Connection db) throws SQLException {
        Map<String, Long> ids = new HashMap<>(200_000);
        try (PreparedStatement s = db.prepareStatement("SELECT slug, id FROM product WHERE slug LIKE ?")) {
            s.setString(1, LIKE_PREFIX);
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    private static int copyVariants(Connection db, List<ProductSpec> products, Map<String, Long> ids)
            throws SQLException, IOException {
        int count = 0;
        try (Writer out = copy(
                db,
                "COPY variant (product_id, sku, title, price_amount, currency, attributes, position,"
                        + " created_at) FROM STDIN")) {
            for (ProductSpec p : products) {
                String productId = ids.get(p.slug()).toString();
                for (VariantSpec v : p.variants()) {
                    row(
                            out,
                            productId,
                            v.sku(),
                            v.title(),
                            Long.toString(v.price()),
                            SyntheticCatalog.CURRENCY,
                            v.attributesJson(),
                            Integer.toString(v.position()),
                            p.createdAt().toString());
                    count++;
                }
            }
        }
        return count;
    }

    private static void copyImages(Connection db, List<ProductSpec> products, Map<String, Long> ids)
            throws SQLException, IOException {
        try (Writer out =
                copy(db, "COPY product_image (product_id, url, alt_text, width, height, position) FROM STDIN")) {
            for (ProductSpec p : products) {
                row(out, ids.get(p.slug()).toString(), p.imageUrl(), p.name(), "1200", "1200", "0");
            }
        }
    }

    private static Writer copy(Connection db, String sql) throws SQLException {
        PGConnection pg = db.unwrap(PGConnection.class);
        return new BufferedWriter(
                new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    /** One row in COPY's text format. */
    private static void row(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            String f = fields[i];
            for (int c = 0; c < f.length(); c++) {
                char ch = f.charAt(c);
                switch (ch) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    default -> out.write(ch);
                }
            }
        }
        out.write('\n');
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
