package com.emporium.storefront;

import static org.hamcrest.Matchers.is;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import java.util.List;
import java.util.Map;

/** Catalog and stock for the browser tests, made through the staff API as a shop would. */
final class ShopFixture {
    private ShopFixture() {}

    record Item(long id, String slug, String name, String sku) {}

    @SuppressWarnings("unchecked")
    static Item product(String category, String name, long price) {
        Map<String, Object> product = CatalogFixture.product(category, name, price);
        List<Map<String, Object>> variants = (List<Map<String, Object>>) product.get("variants");
        return new Item(((Number) product.get("id")).longValue(), (String) product.get("slug"), name, (String)
                variants.get(0).get("sku"));
    }

    static void receive(String sku, int quantity) {
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("quantity", quantity, "reason", "storefront test delivery"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                .then()
                .statusCode(is(200));
    }

    static void adjust(String sku, int delta) {
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("delta", delta, "reason", "storefront test count"))
                .post("/api/v1/admin/inventory/stock/{sku}/adjustments", sku)
                .then()
                .statusCode(is(200));
    }
}
