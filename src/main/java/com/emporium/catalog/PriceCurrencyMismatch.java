package com.emporium.catalog;

import com.emporium.platform.problem.InvalidRequest;

/** 400 /problems/invalid-request: a product sells in one currency, so every variant price uses it. */
public class PriceCurrencyMismatch extends InvalidRequest {
    PriceCurrencyMismatch(String detail) {
        super(detail);
    }
}
