package com.emporium.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void acceptsIsoCodesAndMinorUnits() {
        Money price = new Money(1999, "EUR");
        assertThat(price.amount()).isEqualTo(1999);
        assertThat(new Money(0, "JPY").currency()).isEqualTo("JPY");
    }

    @Test
    void refusesNegativeAmountsAndUnknownCurrencies() {
        assertThatThrownBy(() -> new Money(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "EURO")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "QQQ")).isInstanceOf(IllegalArgumentException.class);
    }
}
