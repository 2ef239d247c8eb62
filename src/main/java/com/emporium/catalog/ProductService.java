package com.emporium.catalog;

import com.emporium.inventory.StockAvailability;
import com.emporium.platform.Money;
import com.emporium.platform.http.IfMatch;
import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.NotFound;
import com.emporium.platform.problem.StaleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Products and variants: the public detail read and every staff edit. */
@ApplicationScoped
@Transactional
public class ProductService {
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

    @Inject
    ProductRepository products;

    @Inject
    CategoryService categories;

    @Inject
    StockAvailability stock;

    @Inject
    CatalogGeneration generation;

    /** The public detail: active products in live categories only; anything else is simply not there. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProductView> publicDetail(String slug) {
        return products.withCategoryBySlug(slug)
                .filter(Product::isPublic)
                .map(p -> ProductView.from(p, false))
                .map(view -> view.withAvailability(stock.of(view.variants().stream()
                        .map(ProductView.VariantView::sku)
                        .toList())));
    }

    /** One page of the public list; see {@link ProductSearch} for how it searches and pages. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductListing list(ProductQuery query, Map<String, List<String>> attributes) {
        return products.list(query, attributes);
    }

    /** Whether this caller's searches fall back to typo matches (a flag that may differ per guest). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean searchForgivesTypos() {
        return products.typoFallbackEnabled();
    }

    public ProductView get(long id) {
        return ProductView.from(find(id), true);
    }

    public ProductView create(ProductRequest request) {
        if (products.bySlug(request.slug()).isPresent()) {
            throw new Conflict(
                    "slug-taken", "Slug taken", "A product with slug '" + request.slug() + "' already exists.");
        }
        Category category = liveCategory(request.category());
        Product product = new Product(
                request.slug(),
                request.name(),
                request.description(),
                category,
                request.currency(),
                request.status() == null ? Product.Status.ACTIVE : request.status());
        List<VariantRequest> variants = request.variants() == null ? List.of() : request.variants();
        if (variants.stream().map(VariantRequest::sku).distinct().count() != variants.size()) {
            throw new InvalidRequest("Each variant needs its own SKU.");
        }
        for (VariantRequest v : variants) {
            requireFreeSku(v.sku());
            product.addVariant(v.sku(), v.title(), priceOf(v), checkedAttributes(v.attributes()))
                    .describe(v.weightGrams(), v.taxClass());
        }
        if (request.images() != null) {
            request.images().forEach(i -> product.addImage(i.url(), i.alt(), i.width(), i.height()));
        }
        products.add(product);
        flushInLiveCategory(category);
        generation.changedInThisTransaction();
        return ProductView.from(product, true);
    }

    /**
     * Only an archived product may stay in (or move to) an archived category; anything else needs a live
     * one, also when the update keeps the category it names.
     */
    public ProductView update(long id, long expectedVersion, ProductUpdate update) {
        Product product = findAt(id, expectedVersion);
        Category category = update.status() == Product.Status.ARCHIVED
                        && product.category().slug().equals(update.category())
                ? product.category()
                : liveCategory(update.category());
        product.describe(update.name(), update.description(), category, update.status());
        flushInLiveCategory(category);
        generation.changedInThisTransaction();
        return ProductView.from(product, true);
    }

    /** The check above read the category without a lock; the database re-checks it under one (V7). */
    private void flushInLiveCategory(Category category) {
        try {
            products.flush();
        } catch (PersistenceException e) {
            if (CatalogConstraint.violated(e, CatalogConstraint.PRODUCT_CATEGORY_LIVE)) {
                throw categoryArchived(category.slug());
            }
            throw e;
        }
    }

    private static Conflict categoryArchived(String slug) {
        return new Conflict(
                "category-archived",
                "Category archived",
                "Category '" + slug + "' is archived; only archived products can stay in it.");
    }

    public void archive(long id, long expectedVersion) {
        findAt(id, expectedVersion).archive();
        generation.changedInThisTransaction();
    }

    public ProductView addVariant(long productId, long expectedVersion, VariantRequest request) {
        Product product = findAt(productId, expectedVersion);
        requireFreeSku(request.sku());
        Variant variant = product.addVariant(
                request.sku(), request.title(), priceOf(request), checkedAttributes(request.attributes()));
        variant.describe(request.weightGrams(), request.taxClass());
        products.add(variant);
        products.flush();
        generation.changedInThisTransaction();
        return ProductView.from(product, true);
    }

    public ProductView.VariantView variant(long variantId) {
        return ProductView.VariantView.from(findVariant(variantId));
    }

    public ProductView.VariantView reviseVariant(long variantId, long expectedVersion, VariantRequest request) {
        Variant variant = findVariant(variantId);
        requireVersion(variant, expectedVersion);
        if (!variant.sku().equals(request.sku())) {
            throw new InvalidRequest("A variant's SKU cannot change; archive it and add a new variant.");
        }
        variant.revise(request.title(), priceOf(request), checkedAttributes(request.attributes()));
        variant.describe(request.weightGrams(), request.taxClass());
        products.flush();
        generation.changedInThisTransaction();
        return ProductView.VariantView.from(variant);
    }

    public void archiveVariant(long variantId, long expectedVersion) {
        Variant variant = findVariant(variantId);
        requireVersion(variant, expectedVersion);
        variant.archive();
        generation.changedInThisTransaction();
    }

    private static void requireVersion(Variant variant, long expectedVersion) {
        if (!IfMatch.matches(expectedVersion, variant.version())) {
            throw new StaleVersion("Variant " + variant.id() + " is at version " + variant.version() + ", not "
                    + expectedVersion + ".");
        }
    }

    private Product findAt(long id, long expectedVersion) {
        Product product = find(id);
        if (!IfMatch.matches(expectedVersion, product.version())) {
            throw new StaleVersion(
                    "Product " + id + " is at version " + product.version() + ", not " + expectedVersion + ".");
        }
        return product;
    }

    private Product find(long id) {
        return products.find(id).orElseThrow(() -> new NotFound("Product " + id + " does not exist."));
    }

    private Variant findVariant(long id) {
        return products.findVariant(id).orElseThrow(() -> new NotFound("Variant " + id + " does not exist."));
    }

    private Category liveCategory(String slug) {
        Category category = categories
                .bySlug(slug)
                .orElseThrow(() -> new InvalidRequest("Category '" + slug + "' does not exist."));
        if (category.archived()) {
            throw categoryArchived(slug);
        }
        return category;
    }

    private void requireFreeSku(String sku) {
        if (products.skuTaken(sku)) {
            throw new Conflict("sku-taken", "SKU taken", "SKU '" + sku + "' is already in use.");
        }
    }

    private static Money priceOf(VariantRequest request) {
        return new Money(request.price().amount(), request.price().currency());
    }

    /** Attributes stay a flat map of scalars so filters can match them with JSONB containment. */
    static Map<String, Object> checkedAttributes(Map<String, Object> attributes) {
        if (attributes == null) {
            return Map.of();
        }
        attributes.forEach((name, value) -> {
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                throw new InvalidRequest(
                        "Attribute name '" + name + "' must be lower-case letters, digits or '_' (max 40).");
            }
            boolean scalar =
                    value instanceof String s ? s.length() <= 200 : value instanceof Number || value instanceof Boolean;
            if (!scalar) {
                throw new InvalidRequest("Attribute '" + name + "' must be a string (max 200), a number or a boolean.");
            }
            if (value instanceof Number number && !AttributesConverter.storable(number)) {
                throw new InvalidRequest("Attribute '" + name + "' must be a number with at most "
                        + AttributesConverter.MAX_DIGITS + " significant digits, at most "
                        + AttributesConverter.MAX_DECIMALS + " decimal places and less than 10^"
                        + AttributesConverter.MAX_DIGITS + " in magnitude.");
            }
        });
        return attributes;
    }
}
