package com.emporium.testsupport;

import java.util.Map;

/** A valid postal address for request bodies. */
public final class CheckoutAddress {
    private CheckoutAddress() {}

    public static final Map<String, Object> GERMAN = Map.of(
            "name",
            "Erika Mustermann",
            "line1",
            "Heidestraße 17",
            "city",
            "Köln",
            "postalCode",
            "51147",
            "country",
            "DE");
}
