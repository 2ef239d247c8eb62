package com.emporium.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The seeded weight-priced method {@code eu-parcel} (V17: up to 1 kg 3.90, 5 kg 6.90, 20 kg 12.90,
 * 31.5 kg 19.90 EUR): the cart's total weight picks the band, in the cart and in the placed order alike.
 */
class ShippingByWeightIT {

    private static List<String> weighedSkus(int... grams) {
        long[] prices = new long[grams.length];
        java.util.Arrays.fill(prices, 1000);
        List<String> skus = CheckoutFixture.stockedSkus(10, prices);
        for (int i = 0; i < grams.length; i++) {
            CheckoutFixture.execute("UPDATE variant SET weight_grams = ? WHERE sku = ?", grams[i], skus.get(i));
        }
        return skus;
    }

    @SuppressWarnings("unchecked")
    private static long optionPrice(Response cart, String code) {
        List<Map<String, Object>> options = cart.jsonPath().getList("shippingOptions");
        return options.stream()
                .filter(o -> code.equals(o.get("code")))
                .map(o -> ((Number) o.get("price")).longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " not offered: " + options));
    }

    @Test
    void theCartsTotalWeightPicksTheBandInTheCartAndTheOrder() {
        List<String> skus = weighedSkus(400, 300);
        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        Response light = cart.add(skus.get(0), 2);
        light.then().statusCode(200);
        assertThat(optionPrice(light, "eu-parcel")).as("800 g").isEqualTo(390);

        Response heavier = cart.add(skus.get(1), 1);
        heavier.then().statusCode(200);
        assertThat(optionPrice(heavier, "eu-parcel")).as("1,100 g").isEqualTo(690);
        assertThat(optionPrice(heavier, "eu-standard"))
                .as("flat methods ignore weight")
                .isEqualTo(490);

        Map<String, Object> body = CheckoutFixture.orderBody(cart.id());
        body.put("shippingMethod", "eu-parcel");
        Response placed = CheckoutFixture.place(cart, UUID.randomUUID().toString(), body);
        placed.then()
                .statusCode(201)
                .body("shipping", equalTo(690))
                .body("shippingMethod", equalTo("eu-parcel"))
                .body("total", equalTo(3000 + 690));
        assertThat(CheckoutFixture.queryLong(
                        "SELECT shipping FROM customer_order WHERE id = ?",
                        placed.jsonPath().getLong("id")))
                .isEqualTo(690);
    }

    @Test
    void aCartOverTheLastBandIsNotOfferedTheMethodAndCannotCheckOutWithIt() {
        String sku = weighedSkus(16_000).get(0);
        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        Response added = cart.add(sku, 2);
        added.then().statusCode(200).body("shippingOptions.code", not(hasItem("eu-parcel")));

        Map<String, Object> body = CheckoutFixture.orderBody(cart.id());
        body.put("shippingMethod", "eu-parcel");
        CheckoutFixture.place(cart, UUID.randomUUID().toString(), body)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/shipping-unavailable"));
        assertThat(CheckoutFixture.queryLong("SELECT count(*) FROM customer_order WHERE cart_id = ?", cart.id()))
                .isZero();
        // One unit (16 kg) fits the 20 kg band again.
        Response one = cart.api()
                .header("If-Match", cart.etag())
                .body(Map.of("quantity", 1))
                .patch("/api/v1/carts/{id}/lines/{sku}", cart.id(), sku);
        one.then().statusCode(200);
        assertThat(optionPrice(one, "eu-parcel")).isEqualTo(1290);
    }

    @Test
    void aVariantGivenAWeightAndTheReducedClassThroughTheAdminApiIsTaxedAndShippedByThem() {
        String sku = com.emporium.testsupport.Api.unique("SKU");
        Map<String, Object> variant =
                new java.util.LinkedHashMap<>(com.emporium.testsupport.CatalogFixture.variant(sku, 1070, Map.of()));
        variant.put("weightGrams", 4000);
        variant.put("taxClass", "reduced");
        Map<String, Object> product =
                com.emporium.testsupport.CatalogFixture.create(com.emporium.testsupport.CatalogFixture.productBody(
                        com.emporium.testsupport.CatalogFixture.category(null), "Weighed book", List.of(variant)));
        @SuppressWarnings("unchecked")
        Map<String, Object> created = ((List<Map<String, Object>>) product.get("variants")).get(0);
        assertThat(created).containsEntry("weightGrams", 4000).containsEntry("taxClass", "reduced");
        com.emporium.testsupport.Api.as("staff")
                .contentType("application/json")
                .body(Map.of("quantity", 5, "reason", "weighed delivery"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                .then()
                .statusCode(200);

        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        cart.add(sku, 1).then().statusCode(200);
        Response priced = cart.details(Map.of("country", "DE"));
        priced.then()
                .statusCode(200)
                .body("lines[0].taxRate", equalTo("DE VAT 7%"))
                // 7 % inside 10.70 is 0.70.
                .body("lines[0].tax", equalTo(70));
        assertThat(optionPrice(priced, "eu-parcel")).as("4,000 g").isEqualTo(690);

        // A revision that leaves the class out keeps it; the new weight moves the cart to the 1 kg band.
        long variantId = ((Number) created.get("id")).longValue();
        String etag = com.emporium.testsupport.Api.admin()
                .get("/api/v1/admin/variants/{id}", variantId)
                .header("ETag");
        Map<String, Object> revision = new java.util.LinkedHashMap<>(variant);
        revision.remove("taxClass");
        revision.put("weightGrams", 600);
        com.emporium.testsupport.Api.admin()
                .contentType("application/json")
                .header("If-Match", etag)
                .body(revision)
                .put("/api/v1/admin/variants/{id}", variantId)
                .then()
                .statusCode(200)
                .body("weightGrams", equalTo(600))
                .body("taxClass", equalTo("reduced"));
        Response lighter = cart.details(Map.of("country", "DE"));
        lighter.then().statusCode(200).body("lines[0].taxRate", equalTo("DE VAT 7%"));
        assertThat(optionPrice(lighter, "eu-parcel")).as("600 g").isEqualTo(390);

        Map<String, Object> unknownClass = new java.util.LinkedHashMap<>(revision);
        unknownClass.put("taxClass", "luxury");
        unknownClass.put("weightGrams", -1);
        com.emporium.testsupport.Api.admin()
                .contentType("application/json")
                .header(
                        "If-Match",
                        com.emporium.testsupport.Api.admin()
                                .get("/api/v1/admin/variants/{id}", variantId)
                                .header("ETag"))
                .body(unknownClass)
                .put("/api/v1/admin/variants/{id}", variantId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("taxClass", "weightGrams"));
    }
}
