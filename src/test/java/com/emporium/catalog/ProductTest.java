package com.emporium.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.emporium.platform.Money;
import com.emporium.platform.problem.InvalidRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductTest {
    private final Category category = new Category("shirts", "Shirts", null, 0);

    private Product product() {
        return new Product("tee", "Tee", "", category, "EUR", Product.Status.ACTIVE);
    }

    @Test
    void priceFromFollowsTheCheapestLiveVariant() {
        Product tee = product();
        assertThat(tee.priceFrom()).isNull();
        Variant large = tee.addVariant("TEE-L", "L", new Money(2500, "EUR"), Map.of());
        Variant small = tee.addVariant("TEE-S", "S", new Money(1900, "EUR"), Map.of());
        assertThat(tee.priceFrom()).isEqualTo(1900);

        small.revise("S", new Money(2900, "EUR"), Map.of());
        assertThat(tee.priceFrom()).isEqualTo(2500);

        large.archive();
        assertThat(tee.priceFrom()).isEqualTo(2900);
        small.archive();
        assertThat(tee.priceFrom()).isNull();
    }

    @Test
    void variantsMustUseTheProductsCurrency() {
        Product tee = product();
        assertThatThrownBy(() -> tee.addVariant("TEE-USD", "S", new Money(100, "USD"), Map.of()))
                .isInstanceOf(InvalidRequest.class);
        Variant v = tee.addVariant("TEE-M", "M", new Money(100, "EUR"), Map.of());
        assertThatThrownBy(() -> v.revise("M", new Money(100, "GBP"), Map.of())).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void archivedProductsAreNotPublic() {
        Product tee = product();
        tee.addVariant("TEE-M", "M", new Money(100, "EUR"), Map.of());
        assertThat(tee.isPublic()).isTrue();
        tee.archive();
        assertThat(tee.isPublic()).isFalse();
    }

    @Test
    void aProductWithNothingOnSaleIsNotPublic() {
        Product tee = product();
        assertThat(tee.isPublic()).as("no variant yet").isFalse();
        Variant medium = tee.addVariant("TEE-M", "M", new Money(100, "EUR"), Map.of());
        assertThat(tee.isPublic()).isTrue();
        medium.archive();
        assertThat(tee.isPublic()).as("its only variant archived").isFalse();
    }

    @Test
    void attributesMustBeFlatScalarsWithSimpleNames() {
        assertThat(ProductService.checkedAttributes(Map.of("color", "red", "size", 42, "organic", true)))
                .hasSize(3);
        assertThatThrownBy(() -> ProductService.checkedAttributes(Map.of("Color", "red")))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> ProductService.checkedAttributes(Map.of("nested", Map.of("a", 1))))
                .isInstanceOf(InvalidRequest.class);
    }
}
