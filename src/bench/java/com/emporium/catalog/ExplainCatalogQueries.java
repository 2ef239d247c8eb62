package com.emporium.catalog;

import com.emporium.bench.Settings;
import com.emporium.bench.SyntheticCatalog;
import com.emporium.flags.RequestFlagContext;
import com.emporium.platform.paging.CursorSecret;
import com.emporium.platform.paging.Page;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.MutableContext;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Prints EXPLAIN (ANALYZE, BUFFERS) for the SQL the product list really sends: it runs
 * {@link ProductSearch} itself against a recording data source, then explains each recorded list
 * statement with the same parameters (the second of two runs, so the cache is warm).
 *
 * <p>Settings: bench.db.url, bench.db.user, bench.db.password, bench.products, bench.seed.
 */
public final class ExplainCatalogQueries {
    private record Recorded(String sql, Map<Integer, Object> params) {}

    private final List<Recorded> recorded = new ArrayList<>();
    private final ProductSearch search;

    private ExplainCatalogQueries() {
        // Outside the server: a fixed cursor key, and every flag at its default (the typo fallback on).
        CursorSecret fixedKey = new CursorSecret() {
            @Override
            public byte[] get() {
                return "explain".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        };
        Client defaults = (Client) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Client.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBooleanValue")) {
                        return args[1];
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        RequestFlagContext noContext = new RequestFlagContext() {
            @Override
            public EvaluationContext current() {
                return new MutableContext();
            }
        };
        search = ProductSearch.outsideServer(recordingDataSource(), fixedKey, defaults, noContext);
    }

    public static void main(String[] args) throws Exception {
        SyntheticCatalog catalog = SyntheticCatalog.fromSettings();
        ExplainCatalogQueries explain = new ExplainCatalogQueries();
        String root = catalog.categories().get(0).slug();
        String leaf = catalog.categories().get(catalog.categories().size() - 1).slug();

        explain.run("newest, first page", query(null, null, null, null, null), Map.of());
        explain.run("category (department, whole subtree)", query(null, root, null, null, null), Map.of());
        explain.run("category (leaf)", query(null, leaf, null, null, null), Map.of());
        explain.run("price band, sort=price", query(null, null, "2000", "6000", "price"), Map.of());
        explain.run("attribute attr.color=red", query(null, null, null, null, null), Map.of("color", List.of("red")));
        explain.run("search, most common word", query(catalog.word(0), null, null, null, null), Map.of());
        explain.run("search, mid-frequency word", query(catalog.word(800), null, null, null, null), Map.of());
        explain.run("search, rare word", query(catalog.word(4000), null, null, null, null), Map.of());
        explain.run("search with a typo (trigram)", query(typo(catalog.word(3)), null, null, null, null), Map.of());

        ProductQuery first = query(null, root, null, null, null);
        Page<ProductSummary> page = explain.search.list(first, Map.of()).page();
        ProductQuery second = query(null, root, null, null, null);
        second.cursor = page.nextCursor().orElseThrow();
        explain.run("category (department), page 2 by cursor", second, Map.of());
    }

    private static String typo(String word) {
        // Swap two inner letters: "kalumo" -> "kaulmo".
        char[] c = word.toCharArray();
        char t = c[2];
        c[2] = c[3];
        c[3] = t;
        return new String(c);
    }

    private static ProductQuery query(String q, String category, String min, String max, String sort) {
        ProductQuery query = new ProductQuery();
        query.q = q;
        query.category = category;
        query.minPrice = min;
        query.maxPrice = max;
        query.sort = sort;
        query.limit = "24";
        return query;
    }

    private void run(String title, ProductQuery query, Map<String, List<String>> attributes) throws SQLException {
        recorded.clear();
        search.list(query, attributes);
        Recorded list = recorded.get(recorded.size() - 1);
        PrintWriter out = new PrintWriter(System.out, true);
        out.println();
        out.println("=== " + title + " ===");
        out.println(list.sql());
        out.println("-- parameters: " + list.params().values());
        try (Connection db = connect()) {
            List<String> plan = List.of();
            for (int i = 0; i < 2; i++) {
                plan = explain(db, list);
            }
            plan.forEach(out::println);
        }
    }

    private static List<String> explain(Connection db, Recorded statement) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
            for (Map.Entry<Integer, Object> p : statement.params().entrySet()) {
                s.setObject(p.getKey(), p.getValue());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }

    /** Connections as the server's data source makes them (stringType and the trigram threshold). */
    private static Connection connect() throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", Settings.dbUser());
        props.setProperty("password", Settings.dbPassword());
        props.setProperty("stringType", "unspecified");
        Connection db = DriverManager.getConnection(Settings.dbUrl(), props);
        try (Statement s = db.createStatement()) {
            s.execute("SET pg_trgm.word_similarity_threshold = 0.45");
        }
        return db;
    }

    private DataSource recordingDataSource() {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return recordingConnection(connect());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private Connection recordingConnection(Connection real) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("prepareStatement") && args.length == 1) {
                        Recorded r = new Recorded((String) args[0], new TreeMap<>());
                        recorded.add(r);
                        return recordingStatement((PreparedStatement) result, r);
                    }
                    return result;
                });
    }

    private PreparedStatement recordingStatement(PreparedStatement real, Recorded r) {
        return (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if ((method.getName().equals("setObject")
                                    || method.getName().equals("setArray"))
                            && args.length == 2) {
                        r.params().put((Integer) args[0], args[1]);
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
