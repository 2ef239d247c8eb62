package com.emporium.inventory;

import static com.emporium.testsupport.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Api;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff stock operations, the ledger, and what the public product API shows of stock. */
class StockAdminIT {
    private static final String STOCK = "/api/v1/admin/inventory/stock/{sku}";

    @Test
    void aStockCountWithoutOnHandIsRefusedAndChangesNothing() {
        String sku = InventoryFixture.product(1).sku();
        InventoryFixture.receive(sku, 12);
        Map<String, Object> misspelt = Map.of("on_hand", 38, "reason", "cycle count");
        Map<String, Object> missing = Map.of("reason", "x");
        for (Map<String, Object> count : List.of(misspelt, missing)) {
            Api.as("staff")
                    .contentType("application/json")
                    .body(count)
                    .put(STOCK + "/locations/main", sku)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/validation"));
        }
        Api.as("staff").get(STOCK, sku).then().statusCode(200).body("onHand", equalTo(12));
        assertThat(InventoryFixture.queryLong("SELECT count(*) FROM stock_movement WHERE sku = ?", sku))
                .isEqualTo(1);
    }

    /**
     * The limit is 2,147,483,647 units on hand per SKU, summed over locations (the counters and the live
     * events are 32-bit). Reaching it takes thousands of receipts, so the test starts just below it.
     */
    @Test
    void stockCannotGrowPastTheLimitAtOneLocationOrAcrossLocations() throws Exception {
        String sku = InventoryFixture.product(1).sku();
        InventoryFixture.receive(sku, 1);
        try (var db = InventoryFixture.database();
                var update = db.prepareStatement("UPDATE stock SET on_hand = 2147483000 WHERE sku = ?")) {
            update.setString(1, sku);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        String store = Api.unique("store");
        Api.admin()
                .contentType("application/json")
                .body(Map.of("code", store, "name", "Store"))
                .post("/api/v1/admin/inventory/locations")
                .then()
                .statusCode(201)
                .body("priority", equalTo(0));
        List<Map<String, Object>> refused = List.of(
                Map.of("path", "/receipts", "body", Map.of("quantity", 1000, "reason", "too much")),
                Map.of("path", "/receipts", "body", Map.of("quantity", 648, "location", store, "reason", "too much")),
                Map.of("path", "/adjustments", "body", Map.of("delta", 1_000_000, "reason", "found")));
        for (Map<String, Object> change : refused) {
            Api.as("staff")
                    .contentType("application/json")
                    .body(change.get("body"))
                    .post(STOCK + change.get("path"), sku)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/stock-limit"));
        }
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("onHand", 648, "reason", "count"))
                .put(STOCK + "/locations/{location}", sku, store)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/stock-limit"));
        Api.as("staff").get(STOCK, sku).then().statusCode(200).body("onHand", equalTo(2147483000));

        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("quantity", 647, "location", store, "reason", "up to the limit"))
                .post(STOCK + "/receipts", sku)
                .then()
                .statusCode(200)
                .body("onHand", equalTo(Integer.MAX_VALUE))
                .body("available", equalTo(Integer.MAX_VALUE));
        assertThat(InventoryFixture.queryLong(
                        "SELECT available FROM inventory_event WHERE sku = ? ORDER BY id DESC LIMIT 1", sku))
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void receiveAdjustAndCountAreRecordedWithWhoAndWhy() {
        String sku = InventoryFixture.product(1).sku();
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("quantity", 20, "reason", "delivery 42"))
                .post(STOCK + "/receipts", sku)
                .then()
                .statusCode(200)
                .body("onHand", equalTo(20))
                .body("available", equalTo(20));
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("delta", -3, "reason", "damaged in transit"))
                .post(STOCK + "/adjustments", sku)
                .then()
                .statusCode(200)
                .body("onHand", equalTo(17));
        Api.admin()
                .contentType("application/json")
                .body(Map.of("onHand", 12, "reason", "yearly count"))
                .put(STOCK + "/locations/main", sku)
                .then()
                .statusCode(200)
                .body("onHand", equalTo(12))
                .body("locations[0].location", equalTo("main"));

        JsonPath movements = Api.as("staff")
                .get(STOCK + "/movements", sku)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(movements.getList("kind", String.class)).containsExactly("COUNT", "ADJUSTMENT", "RECEIPT");
        assertThat(movements.getList("delta", Integer.class)).containsExactly(-5, -3, 20);
        assertThat(movements.getList("reason", String.class))
                .containsExactly("yearly count", "damaged in transit", "delivery 42");
        assertThat(movements.getList("actor", String.class))
                .containsExactly("tester-admin", "tester-staff", "tester-staff");
        assertThat(movements.getList("occurredAt")).doesNotContainNull();
    }

    @Test
    void stockCannotGoBelowWhatIsReserved() {
        String sku = InventoryFixture.product(1).sku();
        InventoryFixture.receive(sku, 5);
        InventoryFixture.customer(Api.unique("buyer"))
                .body(InventoryFixture.reservationBody(sku, 4))
                .post("/api/v1/reservations")
                .then()
                .statusCode(201);
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("delta", -2, "reason", "lost"))
                .post(STOCK + "/adjustments", sku)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/insufficient-stock"));
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("onHand", 3, "reason", "count"))
                .put(STOCK + "/locations/main", sku)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/insufficient-stock"));
        Api.as("staff")
                .get(STOCK, sku)
                .then()
                .body("onHand", equalTo(5))
                .body("reserved", equalTo(4))
                .body("available", equalTo(1));
    }

    @Test
    void badRequestsAreProblems() {
        String sku = InventoryFixture.product(1).sku();
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("quantity", 0, "reason", "x"))
                .post(STOCK + "/receipts", sku)
                .then()
                .statusCode(400);
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("quantity", 1, "reason", ""))
                .post(STOCK + "/receipts", sku)
                .then()
                .statusCode(400);
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("quantity", 1, "reason", "x"))
                .post(STOCK + "/receipts", "NO-SUCH-SKU")
                .then()
                .statusCode(404);
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("quantity", 1, "reason", "x", "location", "nowhere"))
                .post(STOCK + "/receipts", sku)
                .then()
                .statusCode(400)
                .body("detail", containsString("nowhere"));
    }

    @Test
    void onlyStaffAndAdminsTouchStock() {
        String sku = InventoryFixture.product(1).sku();
        Map<String, Object> receipt = Map.of("quantity", 1, "reason", "x");
        anonymous()
                .contentType("application/json")
                .body(receipt)
                .post(STOCK + "/receipts", sku)
                .then()
                .statusCode(401);
        Api.as("customer")
                .contentType("application/json")
                .body(receipt)
                .post(STOCK + "/receipts", sku)
                .then()
                .statusCode(403);
        Api.as("customer").get(STOCK, sku).then().statusCode(403);
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("code", Api.unique("shop"), "name", "Shop"))
                .post("/api/v1/admin/inventory/locations")
                .then()
                .statusCode(403);
        Api.as("staff").post("/api/v1/admin/inventory/sweeps").then().statusCode(403);
    }

    @Test
    void productDetailShowsAvailabilityPerVariant() {
        InventoryFixture.Item item = InventoryFixture.product(3);
        InventoryFixture.receive(item.skus().get(0), 40);
        InventoryFixture.receive(item.skus().get(1), 3);
        JsonPath detail = anonymous()
                .get("/api/v1/products/{slug}", item.slug())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(detail.getList("variants.availability.level", String.class))
                .containsExactly("IN_STOCK", "LOW", "OUT");
        // Counts are private unless the shop configures them public.
        assertThat(detail.getList("variants.availability.count")).containsOnlyNulls();
    }

    @Test
    void inStockFilterListsOnlyProductsWithSellableUnits() {
        String category = com.emporium.testsupport.CatalogFixture.category(null);
        Map<String, Object> stocked = com.emporium.testsupport.CatalogFixture.product(category, "Stocked lamp", 1000);
        Map<String, Object> soldOut = com.emporium.testsupport.CatalogFixture.product(category, "Sold out lamp", 1000);
        com.emporium.testsupport.CatalogFixture.product(category, "Never stocked lamp", 1000);
        InventoryFixture.receive(sku(stocked), 2);
        InventoryFixture.receive(sku(soldOut), 1);
        InventoryFixture.customer(Api.unique("buyer"))
                .body(InventoryFixture.reservationBody(sku(soldOut), 1))
                .post("/api/v1/reservations")
                .then()
                .statusCode(201);

        List<String> inStock = anonymous()
                .queryParam("category", category)
                .queryParam("inStock", "true")
                .get("/api/v1/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.slug");
        assertThat(inStock).containsExactly((String) stocked.get("slug"));
        List<String> all = anonymous()
                .queryParam("category", category)
                .get("/api/v1/products")
                .then()
                .extract()
                .jsonPath()
                .getList("items.slug");
        assertThat(all).hasSize(3);
    }

    @SuppressWarnings("unchecked")
    private static String sku(Map<String, Object> product) {
        return (String)
                ((List<Map<String, Object>>) product.get("variants")).get(0).get("sku");
    }

    @Test
    void aMovementLimitThatIsNotANumberIsABadRequestNamingIt() {
        String sku = InventoryFixture.product(1).sku();
        for (String limit : new String[] {"abc", "0", "501", "1.5"}) {
            Api.as("staff")
                    .queryParam("limit", limit)
                    .get(STOCK + "/movements", sku)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        Api.as("staff")
                .queryParam("limit", "500")
                .get(STOCK + "/movements", sku)
                .then()
                .statusCode(200);
    }

    @Test
    void aNewLocationAnswersWithWhereItLives() {
        String code = Api.unique("depot");
        String location = Api.admin()
                .contentType("application/json")
                .body(Map.of("code", code, "name", "Depot", "priority", 5))
                .post("/api/v1/admin/inventory/locations")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        assertThat(location).endsWith("/api/v1/admin/inventory/locations/" + code);
        Api.as("staff")
                .get(location)
                .then()
                .statusCode(200)
                .body("code", equalTo(code))
                .body("priority", equalTo(5));
    }
}
