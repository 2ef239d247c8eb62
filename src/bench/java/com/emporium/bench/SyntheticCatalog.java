package com.emporium.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic catalog: the same seed and size give the same categories, products,
 * variants and words on every run and on every machine. Each product is derived from its own number,
 * so the load generator can recompute any product (its slug, its words) without reading the database.
 *
 * <p>Every slug starts with {@link #PREFIX} and every SKU with {@link #SKU_PREFIX}: that is how the
 * loader tells synthetic rows from real ones.
 */
public final class SyntheticCatalog {
    public static final String PREFIX = "bench-";
    public static final String SKU_PREFIX = "BENCH-";
    public static final long DEFAULT_SEED = 20_260_501L;
    public static final int DEFAULT_PRODUCTS = 100_000;
    public static final String CURRENCY = "EUR";

    /** 8 departments, 4 sections each, 5 shelves each: 8 + 32 + 160 = 200 categories in 3 levels. */
    static final int ROOTS = 8;

    static final int SECTIONS_PER_ROOT = 4;
    static final int SHELVES_PER_SECTION = 5;

    static final int VOCABULARY = 5_000;
    /** created_at is spread over the three years before this fixed instant, never relative to "now". */
    static final Instant NEWEST = Instant.parse("2026-04-30T00:00:00Z");

    static final long SPAN_MILLIS = 3L * 365 * 24 * 3600 * 1000;
    static final long MIN_PRICE = 299;
    static final long MAX_PRICE = 99_999;

    static final String[] COLORS = {"red", "blue", "green", "black", "white", "grey", "yellow", "navy", "pink", "brown"
    };
    static final String[] LETTER_SIZES = {"XS", "S", "M", "L", "XL"};
    static final String[] MATERIALS = {"cotton", "wool", "linen", "leather", "polyester", "silk", "bamboo", "denim"};
    private static final String[] ONSETS = {
        "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr", "pl", "gr"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "m"};

    private final long seed;
    private final int productCount;
    private final List<String> words;
    private final List<CategorySpec> categories;

    public SyntheticCatalog(long seed, int productCount) {
        this.seed = seed;
        this.productCount = productCount;
        this.words = vocabulary(seed);
        this.categories = categoryTree(words);
    }

    /** The catalog named by the bench.seed and bench.products settings (system property or env var). */
    public static SyntheticCatalog fromSettings() {
        return new SyntheticCatalog(
                Long.parseLong(Settings.get("bench.seed", Long.toString(DEFAULT_SEED))),
                Integer.parseInt(Settings.get("bench.products", Integer.toString(DEFAULT_PRODUCTS))));
    }

    public int productCount() {
        return productCount;
    }

    public List<CategorySpec> categories() {
        return categories;
    }

    public String word(int index) {
        return words.get(index);
    }

    /**
     * A word drawn with the catalog's own skew: a few words are in a third of all products, most in a
     * few hundred. Searches draw from the same distribution, as shoppers search for common terms.
     */
    public String skewedWord(Random random) {
        double u = random.nextDouble();
        return words.get((int) (VOCABULARY * u * u));
    }

    private String skewedWord(SplittableRandom random) {
        double u = random.nextDouble();
        return words.get((int) (VOCABULARY * u * u));
    }

    /** Product number n (1-based), always the same for the same seed. */
    public ProductSpec product(int n) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        int nameWords = 2 + r.nextInt(3);
        StringBuilder name = new StringBuilder();
        StringBuilder slug = new StringBuilder(PREFIX);
        for (int i = 0; i < nameWords; i++) {
            String w = skewedWord(r);
            name.append(i == 0 ? "" : " ")
                    .append(Character.toUpperCase(w.charAt(0)))
                    .append(w, 1, w.length());
            slug.append(w).append('-');
        }
        slug.append(n);

        StringBuilder description = new StringBuilder();
        int sentences = 2 + r.nextInt(3);
        for (int s = 0; s < sentences; s++) {
            int length = 6 + r.nextInt(7);
            for (int i = 0; i < length; i++) {
                String w = skewedWord(r);
                if (i == 0) {
                    description
                            .append(s == 0 ? "" : " ")
                            .append(Character.toUpperCase(w.charAt(0)))
                            .append(w, 1, w.length());
                } else {
                    description.append(' ').append(w);
                }
            }
            description.append('.');
        }

        // Leaves only, skewed so that some shelves are much fuller than others.
        int leaves = ROOTS * SECTIONS_PER_ROOT * SHELVES_PER_SECTION;
        int firstLeaf = categories.size() - leaves;
        int category = firstLeaf + (int) (leaves * Math.pow(r.nextDouble(), 1.5));
        boolean letterSizes = categories.get(category).root() % 2 == 0;

        double s = r.nextDouble();
        String status = s < 0.97 ? "ACTIVE" : s < 0.99 ? "ARCHIVED" : "DRAFT";
        Instant created = NEWEST.minusMillis((long) (r.nextDouble() * SPAN_MILLIS));

        double logMin = Math.log(MIN_PRICE);
        double logMax = Math.log(MAX_PRICE);
        long base = Math.max(99, Math.round(Math.exp(logMin + r.nextDouble() * (logMax - logMin)) / 100.0) * 100 - 1);

        int variantCount = 1 + r.nextInt(3);
        int firstColor = r.nextInt(COLORS.length);
        String material = MATERIALS[r.nextInt(MATERIALS.length)];
        boolean organic = r.nextDouble() < 0.3;
        List<VariantSpec> variants = new ArrayList<>(variantCount);
        long priceFrom = Long.MAX_VALUE;
        for (int v = 0; v < variantCount; v++) {
            String color = COLORS[(firstColor + v * 3) % COLORS.length];
            String size;
            String sizeJson;
            if (letterSizes) {
                size = LETTER_SIZES[r.nextInt(LETTER_SIZES.length)];
                sizeJson = '"' + size + '"';
            } else {
                size = Integer.toString(36 + r.nextInt(11));
                sizeJson = size;
            }
            long price = v == 0 ? base : base + 100L * r.nextInt(15);
            priceFrom = Math.min(priceFrom, price);
            String attributes = "{\"color\":\"" + color + "\",\"size\":" + sizeJson + ",\"material\":\"" + material
                    + "\",\"organic\":" + organic + "}";
            variants.add(new VariantSpec(SKU_PREFIX + n + "-" + (v + 1), color + " / " + size, price, attributes, v));
        }
        return new ProductSpec(
                n,
                slug.toString(),
                name.toString(),
                description.toString(),
                category,
                status,
                created,
                variants,
                priceFrom);
    }

    private static List<String> vocabulary(long seed) {
        Random r = new Random(seed);
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < VOCABULARY) {
            int syllables = 2 + r.nextInt(2);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                w.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
            }
            w.append(CODAS[r.nextInt(CODAS.length)]);
            if (w.length() >= 5) {
                words.add(w.toString().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(words);
    }

    /** Parents always come before their children, so ids can be handed out in list order. */
    private static List<CategorySpec> categoryTree(List<String> words) {
        List<CategorySpec> tree = new ArrayList<>();
        for (int root = 0; root < ROOTS; root++) {
            tree.add(category(tree.size(), -1, root, root, words));
        }
        for (int root = 0; root < ROOTS; root++) {
            for (int s = 0; s < SECTIONS_PER_ROOT; s++) {
                tree.add(category(tree.size(), root, root, s, words));
            }
        }
        for (int section = ROOTS; section < ROOTS + ROOTS * SECTIONS_PER_ROOT; section++) {
            for (int s = 0; s < SHELVES_PER_SECTION; s++) {
                tree.add(category(tree.size(), section, tree.get(section).root(), s, words));
            }
        }
        return List.copyOf(tree);
    }

    private static CategorySpec category(int index, int parent, int root, int position, List<String> words) {
        // Category names use the rarest words, so they do not crowd the product search terms.
        String word = words.get(words.size() - 1 - index);
        String name = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        return new CategorySpec(index, parent, root, PREFIX + word + "-" + index, name, position);
    }

    /** A category; parent is -1 for a department. */
    public record CategorySpec(int index, int parent, int root, String slug, String name, int position) {}

    /** A product with its variants; priceFrom is the lowest variant price (all variants are active). */
    public record ProductSpec(
            int n,
            String slug,
            String name,
            String description,
            int category,
            String status,
            Instant createdAt,
            List<VariantSpec> variants,
            long priceFrom) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }

        public String imageUrl() {
            return "https://images.example.com/bench/" + slug + ".jpg";
        }
    }

    /** A sellable SKU; attributes is a JSON object with typed values. */
    public record VariantSpec(String sku, String title, long price, String attributesJson, int position) {}
}
