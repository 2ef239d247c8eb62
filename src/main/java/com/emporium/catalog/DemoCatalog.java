package com.emporium.catalog;

import com.emporium.platform.startup.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A small, fixed demo shop for the embedded developer run, so the first start shows a real catalog.
 * It is loaded only on the embedded database and only into an empty catalog; production starts empty.
 */
@ApplicationScoped
public class DemoCatalog {
    private static final Logger LOG = Logger.getLogger(DemoCatalog.class.getName());
    private static final String[] COLORS = {"black", "white", "red", "blue", "green"};
    private static final String[] SIZES = {"S", "M", "L"};

    @Inject
    CategoryRepository categoryRows;

    @Inject
    CategoryService categories;

    @Inject
    ProductService products;

    @Transactional
    void load(@Observes SchemaReady ready) {
        if (!ready.embedded()) {
            return;
        }
        if (categoryRows.count() > 0) {
            return;
        }
        categories.create(new CategoryRequest("apparel", "Apparel", null, 0));
        categories.create(new CategoryRequest("t-shirts", "T-shirts", "apparel", 0));
        categories.create(new CategoryRequest("hoodies", "Hoodies", "apparel", 1));
        categories.create(new CategoryRequest("home", "Home", null, 1));
        categories.create(new CategoryRequest("mugs", "Mugs", "home", 0));
        categories.create(new CategoryRequest("posters", "Posters", "home", 1));

        record Line(String category, String noun, long basePrice, boolean sized) {}
        List<Line> lines = List.of(
                new Line("t-shirts", "T-shirt", 1900, true),
                new Line("hoodies", "Hoodie", 4900, true),
                new Line("mugs", "Mug", 1200, false),
                new Line("posters", "Poster", 2500, false));
        String[] motifs = {
            "Mountain",
            "Ocean",
            "Forest",
            "City",
            "Desert",
            "Aurora",
            "Harbor",
            "Meadow",
            "Canyon",
            "Glacier",
            "Lagoon",
            "Prairie",
            "Volcano"
        };
        int count = 0;
        for (Line line : lines) {
            for (int m = 0; m < motifs.length && count < 50; m++, count++) {
                String motif = motifs[m];
                String slug = (motif + "-" + line.noun()).toLowerCase().replace("t-shirt", "tshirt");
                List<VariantRequest> variants = new ArrayList<>();
                String color = COLORS[m % COLORS.length];
                if (line.sized()) {
                    for (int s = 0; s < SIZES.length; s++) {
                        variants.add(new VariantRequest(
                                slug.toUpperCase() + "-" + SIZES[s],
                                motif + " " + line.noun() + " " + SIZES[s],
                                new VariantRequest.Price(line.basePrice() + 100L * m + 200L * s, "EUR"),
                                Map.of("color", color, "size", SIZES[s], "organic", m % 2 == 0),
                                null,
                                null));
                    }
                } else {
                    variants.add(new VariantRequest(
                            slug.toUpperCase(),
                            motif + " " + line.noun(),
                            new VariantRequest.Price(line.basePrice() + 100L * m, "EUR"),
                            Map.of("color", color),
                            null,
                            null));
                }
                products.create(new ProductRequest(
                        slug,
                        motif + " " + line.noun(),
                        "A " + line.noun().toLowerCase() + " printed with a " + motif.toLowerCase() + " motif in "
                                + color + ". Demo product of the Emporium sample shop.",
                        line.category(),
                        "EUR",
                        Product.Status.ACTIVE,
                        variants,
                        List.of(new ImageRequest(
                                "https://images.example.com/" + slug + ".jpg",
                                motif + " " + line.noun(),
                                1200,
                                1200))));
            }
        }
        int loaded = count;
        LOG.info(() -> "Loaded the demo catalog (embedded database only): 6 categories, " + loaded + " products");
    }
}
