package com.emporium.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SkuTest {
    @Test
    void aSkuIsItsTextExactly() {
        Sku sku = new Sku("TEE-red-M");
        assertThat(sku.value()).isEqualTo("TEE-red-M");
        assertThat(sku).hasToString("TEE-red-M").isEqualTo(new Sku("TEE-red-M"));
        assertThat(sku).isNotEqualTo(new Sku("tee-red-m"));
    }

    @Test
    void sixtyFourCharactersFitAndSixtyFiveDoNot() {
        assertThat(Sku.parse("x".repeat(64))).isPresent();
        assertThat(Sku.parse("x".repeat(65))).isEmpty();
        assertThatThrownBy(() -> new Sku("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankOrMissingTextIsNoSku() {
        assertThat(Sku.parse(null)).isEmpty();
        assertThat(Sku.parse("")).isEmpty();
        assertThat(Sku.parse("   ")).isEmpty();
        assertThatThrownBy(() -> new Sku(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sku(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void skusOrderByTheirTextWhichIsTheStockLockOrder() {
        TreeSet<Sku> skus = new TreeSet<>(List.of(new Sku("B-2"), new Sku("A-10"), new Sku("A-9")));
        assertThat(skus).extracting(Sku::value).containsExactly("A-10", "A-9", "B-2");
    }
}
