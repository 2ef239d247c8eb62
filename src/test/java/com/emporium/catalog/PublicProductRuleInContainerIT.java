package com.emporium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.platform.Money;
import com.emporium.testsupport.MicroDeployment;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One rule decides whether a product is public: {@link Product#isPublic()} for the detail page and
 * {@code Product.PUBLIC_SQL} in the list query. Run inside the server on products the entities stored,
 * so both sides judge the same rows in the real database.
 */
@ExtendWith(ArquillianExtension.class)
class PublicProductRuleInContainerIT {

    @Deployment
    static WebArchive deployment() {
        // The catalog's entities only: its services need flags, caches and inventory, which this test does not.
        return MicroDeployment.war("public-product-rule")
                .addClasses(
                        Product.class,
                        Variant.class,
                        Category.class,
                        ProductImage.class,
                        AttributesConverter.class,
                        PriceCurrencyMismatch.class,
                        Money.class,
                        CatalogShelf.class);
    }

    @Inject
    CatalogShelf shelf;

    @Test
    void theDetailRuleAndTheListFilterAgreeOnEveryKindOfProduct() {
        long category = shelf.category();
        Map<String, Long> products = new LinkedHashMap<>();
        products.put("active with a variant on sale", shelf.product(category, Product.Status.ACTIVE, 1, 1));
        products.put("active with every variant archived", shelf.product(category, Product.Status.ACTIVE, 0, 2));
        products.put("active without variants", shelf.product(category, Product.Status.ACTIVE, 0, 0));
        products.put("draft with a variant on sale", shelf.product(category, Product.Status.DRAFT, 1, 0));
        products.put("archived with a variant on sale", shelf.product(category, Product.Status.ARCHIVED, 1, 0));

        Set<Long> listed = shelf.admittedByTheList(products.values());

        Map<String, Boolean> shown = new LinkedHashMap<>();
        Map<String, Boolean> inTheList = new LinkedHashMap<>();
        products.forEach((kind, id) -> {
            shown.put(kind, shelf.isPublic(id));
            inTheList.put(kind, listed.contains(id));
        });
        assertThat(inTheList).as("the list agrees with the detail page").isEqualTo(shown);
        assertThat(shown)
                .as("only an active product with a variant on sale is public")
                .containsEntry("active with a variant on sale", true)
                .containsEntry("active with every variant archived", false)
                .containsEntry("active without variants", false)
                .containsEntry("draft with a variant on sale", false)
                .containsEntry("archived with a variant on sale", false);
    }

    @Test
    void archivingTheLastVariantOnSaleTakesTheProductOffTheDetailAndTheListTogether() {
        long product = shelf.product(shelf.category(), Product.Status.ACTIVE, 2, 0);
        assertThat(shelf.isPublic(product)).isTrue();
        assertThat(shelf.admittedByTheList(List.of(product))).containsExactly(product);

        shelf.archiveAllVariants(product);

        assertThat(shelf.isPublic(product)).isFalse();
        assertThat(shelf.admittedByTheList(List.of(product))).isEmpty();
    }
}
