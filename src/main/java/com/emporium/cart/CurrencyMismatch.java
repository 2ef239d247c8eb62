package com.emporium.cart;

import com.emporium.platform.problem.Conflict;

/** 409 /problems/currency-mismatch: a cart holds items of one currency only. */
public class CurrencyMismatch extends Conflict {
    public CurrencyMismatch(String sku, String skuCurrency, String cartCurrency) {
        super(
                "currency-mismatch",
                "Currency mismatch",
                "SKU '" + sku + "' is sold in " + skuCurrency + " but this cart is in " + cartCurrency + ".");
    }
}
