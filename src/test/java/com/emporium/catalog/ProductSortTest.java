package com.emporium.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.emporium.platform.problem.InvalidRequest;
import org.junit.jupiter.api.Test;

class ProductSortTest {
    @Test
    void defaultsToRelevanceWhenSearchingAndNewestOtherwise() {
        assertThat(ProductSort.parse(null, true)).isEqualTo(ProductSort.RELEVANCE);
        assertThat(ProductSort.parse("", false)).isEqualTo(ProductSort.NEWEST);
        assertThat(ProductSort.parse("-price", false)).isEqualTo(ProductSort.PRICE_DESC);
    }

    @Test
    void everyOrderEndsWithTheIdSoPagesAreTotal() {
        for (ProductSort sort : ProductSort.values()) {
            assertThat(sort.orderBy)
                    .satisfiesAnyOf(
                            o -> assertThat(o).endsWith("id ASC"),
                            o -> assertThat(o).endsWith("id DESC"));
        }
    }

    @Test
    void unknownSortsAndRelevanceWithoutQueryAreRefused() {
        assertThatThrownBy(() -> ProductSort.parse("cheapest", false)).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> ProductSort.parse("relevance", false)).isInstanceOf(InvalidRequest.class);
    }
}
