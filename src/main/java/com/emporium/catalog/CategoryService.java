package com.emporium.catalog;

import com.emporium.platform.http.IfMatch;
import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.NotFound;
import com.emporium.platform.problem.StaleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The category tree: public reads and staff edits. */
@ApplicationScoped
@Transactional
public class CategoryService {
    @Inject
    CategoryRepository categories;

    @Inject
    CatalogGeneration generation;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CategoryNode> tree() {
        List<Category> all = categories.live();
        Map<Long, List<Category>> byParent = new LinkedHashMap<>();
        for (Category c : all) {
            byParent.computeIfAbsent(c.parent() == null ? 0L : c.parent().id(), k -> new ArrayList<>())
                    .add(c);
        }
        return nodes(byParent, 0L);
    }

    private static List<CategoryNode> nodes(Map<Long, List<Category>> byParent, long parentId) {
        return byParent.getOrDefault(parentId, List.of()).stream()
                .sorted(Comparator.comparingInt(Category::position).thenComparing(Category::name))
                .map(c -> new CategoryNode(c.id(), c.slug(), c.name(), nodes(byParent, c.id())))
                .toList();
    }

    public CategoryView get(long id) {
        return CategoryView.from(find(id));
    }

    public CategoryView create(CategoryRequest request) {
        if (bySlug(request.slug()).isPresent()) {
            throw new Conflict(
                    "slug-taken", "Slug taken", "A category with slug '" + request.slug() + "' already exists.");
        }
        Category parent = null;
        if (request.parent() != null) {
            parent = bySlug(request.parent())
                    .filter(p -> !p.archived())
                    .orElseThrow(
                            () -> new InvalidRequest("Parent category '" + request.parent() + "' does not exist."));
        }
        Category category = new Category(request.slug(), request.name(), parent, positionOf(request));
        categories.add(category);
        category.assignPath();
        categories.flush();
        generation.changedInThisTransaction();
        return CategoryView.from(category);
    }

    public CategoryView rename(long id, long expectedVersion, CategoryRequest request) {
        Category category = find(id);
        requireVersion(category, expectedVersion);
        if (!category.slug().equals(request.slug())) {
            throw new InvalidRequest("A category's slug cannot change; create a new category instead.");
        }
        String currentParent =
                category.parent() == null ? null : category.parent().slug();
        if (request.parent() != null && !request.parent().equals(currentParent)) {
            throw new InvalidRequest("A category cannot move to another parent.");
        }
        category.rename(request.name(), positionOf(request));
        categories.flush();
        generation.changedInThisTransaction();
        return CategoryView.from(category);
    }

    /**
     * The row lock comes first: a product being added to this category holds a share lock on it (V7),
     * so archiving waits for that product to commit and then counts it, instead of missing it.
     */
    public void archive(long id, long expectedVersion) {
        Category category = categories.lock(id).orElseThrow(() -> new NotFound("Category " + id + " does not exist."));
        requireVersion(category, expectedVersion);
        long children = categories.liveChildren(category);
        long products = categories.unarchivedProducts(category);
        if (children > 0 || products > 0) {
            throw notEmpty(category, children + " subcategories and " + products + " products");
        }
        category.archive();
        try {
            categories.flush();
        } catch (PersistenceException e) {
            if (CatalogConstraint.violated(e, CatalogConstraint.CATEGORY_ARCHIVED_EMPTY)) {
                throw notEmpty(category, "products");
            }
            throw e;
        }
        generation.changedInThisTransaction();
    }

    private static Conflict notEmpty(Category category, String what) {
        return new Conflict(
                "category-not-empty",
                "Category not empty",
                "Category '" + category.slug() + "' still has " + what + ".");
    }

    private static void requireVersion(Category category, long expectedVersion) {
        if (!IfMatch.matches(expectedVersion, category.version())) {
            throw new StaleVersion("Category " + category.id() + " is at version " + category.version() + ", not "
                    + expectedVersion + ".");
        }
    }

    Optional<Category> bySlug(String slug) {
        return categories.bySlug(slug);
    }

    private Category find(long id) {
        return categories.find(id).orElseThrow(() -> new NotFound("Category " + id + " does not exist."));
    }

    private static int positionOf(CategoryRequest request) {
        return request.position() == null ? 0 : request.position();
    }
}
