package com.emporium.orders;

import com.emporium.platform.problem.ProblemException;

/** 422 /problems/fulfilment-refused: a fulfilment names SKUs or units the order does not have left. */
public class FulfilmentRefused extends ProblemException {
    public FulfilmentRefused(String detail) {
        super(422, "fulfilment-refused", "Fulfilment refused", detail);
    }
}
