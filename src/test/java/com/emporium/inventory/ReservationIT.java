package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import com.emporium.testsupport.Tokens;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holding stock for carts: never more than there is, all or nothing, only for its owner. */
class ReservationIT {
    private static final String RESERVATIONS = "/api/v1/reservations";
    private static ExecutorService buyers;

    @BeforeAll
    static void startBuyers() {
        buyers = Executors.newFixedThreadPool(200);
    }

    @AfterAll
    static void stopBuyers() {
        buyers.shutdownNow();
    }

    @Test
    void twoHundredBuyersOfFiftyUnitsGetExactlyFiftyHolds() throws Exception {
        for (int round = 0; round < 10; round++) {
            String sku = InventoryFixture.product(1).sku();
            InventoryFixture.receive(sku, 50);
            List<Response> answers = race(
                    200,
                    i -> InventoryFixture.customerToken(tokens.get(i)).body(InventoryFixture.reservationBody(sku, 1)));

            List<Response> won =
                    answers.stream().filter(r -> r.statusCode() == 201).toList();
            List<Response> lost =
                    answers.stream().filter(r -> r.statusCode() == 409).toList();
            assertThat(won).as("round %d", round).hasSize(50);
            assertThat(lost).as("round %d", round).hasSize(150);
            lost.forEach(r -> {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.jsonPath().getString("type")).isEqualTo("/problems/out-of-stock");
                assertThat(r.jsonPath().getString("detail")).contains(sku);
            });
            assertThat(InventoryFixture.queryLong("SELECT sum(quantity) FROM reservation_line WHERE sku = ?", sku))
                    .isEqualTo(50);
            assertThat(InventoryFixture.queryLong("SELECT min(on_hand - reserved) FROM stock WHERE sku = ?", sku))
                    .isZero();
            Api.as("staff")
                    .get("/api/v1/admin/inventory/stock/{sku}", sku)
                    .then()
                    .body("onHand", equalTo(50))
                    .body("reserved", equalTo(50))
                    .body("available", equalTo(0));
        }
    }

    @Test
    void cartsTakingTwoSkusInOppositeOrdersNeverFailWithServerErrors() throws Exception {
        InventoryFixture.Item item = InventoryFixture.product(2);
        String a = item.skus().get(0);
        String b = item.skus().get(1);
        InventoryFixture.receive(a, 60);
        InventoryFixture.receive(b, 60);
        List<Response> answers = race(
                120,
                i -> InventoryFixture.customerToken(tokens.get(i))
                        .body(
                                i % 2 == 0
                                        ? InventoryFixture.reservationBody(a, 1, b, 1)
                                        : InventoryFixture.reservationBody(b, 1, a, 1)));

        assertThat(answers).extracting(Response::statusCode).allMatch(s -> s == 201 || s == 409);
        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(60);
        assertThat(InventoryFixture.queryLong("SELECT reserved FROM stock WHERE sku = ?", a))
                .isEqualTo(60);
        assertThat(InventoryFixture.queryLong("SELECT reserved FROM stock WHERE sku = ?", b))
                .isEqualTo(60);
    }

    @Test
    void aReservationHoldsEverythingOrNothing() {
        InventoryFixture.Item item = InventoryFixture.product(2);
        InventoryFixture.receive(item.skus().get(0), 5);
        InventoryFixture.receive(item.skus().get(1), 1);
        InventoryFixture.customer(Api.unique("buyer"))
                .body(InventoryFixture.reservationBody(
                        item.skus().get(0), 2, item.skus().get(1), 2))
                .post(RESERVATIONS)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/out-of-stock"))
                .body("detail", org.hamcrest.Matchers.containsString(item.skus().get(1)));
        assertThat(InventoryFixture.queryLong(
                        "SELECT sum(reserved) FROM stock WHERE sku IN (?, ?)",
                        item.skus().get(0),
                        item.skus().get(1)))
                .isZero();
    }

    @Test
    void holdsAreExtendedAndReleasedOnceByTheirOwner() {
        String sku = InventoryFixture.product(1).sku();
        InventoryFixture.receive(sku, 10);
        String owner = Api.unique("buyer");
        Response created = InventoryFixture.customer(owner)
                .body(InventoryFixture.reservationBody(sku, 3, sku, 1))
                .post(RESERVATIONS);
        created.then()
                .statusCode(201)
                .body("status", equalTo("HELD"))
                .body("lines[0].quantity", equalTo(4))
                .body("lines[0].location", equalTo("main"));
        long id = created.jsonPath().getLong("id");
        Instant expires = Instant.parse(created.jsonPath().getString("expiresAt"));
        assertThat(expires)
                .isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(16 * 60));
        assertThat(created.header("Location")).endsWith(RESERVATIONS + "/" + id);

        // No body, no Content-Type: the extension needs nothing from the client.
        Instant extended = Instant.parse(Api.anonymous()
                .auth()
                .oauth2(Tokens.sign(owner, List.of("customer"), c -> c))
                .post(RESERVATIONS + "/{id}/extension", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("expiresAt"));
        assertThat(extended).isAfter(expires);

        InventoryFixture.customer(owner)
                .delete(RESERVATIONS + "/{id}", id)
                .then()
                .statusCode(204);
        InventoryFixture.customer(owner)
                .delete(RESERVATIONS + "/{id}", id)
                .then()
                .statusCode(204);
        assertThat(InventoryFixture.queryLong("SELECT reserved FROM stock WHERE sku = ?", sku))
                .isZero();
        InventoryFixture.customer(owner)
                .get(RESERVATIONS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("RELEASED"));
        InventoryFixture.customer(owner)
                .post(RESERVATIONS + "/{id}/extension", id)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/reservation-ended"));
    }

    @Test
    void someoneElsesReservationIsIndistinguishableFromAMissingOne() {
        String sku = InventoryFixture.product(1).sku();
        InventoryFixture.receive(sku, 2);
        String alice = Api.unique("alice");
        long id = InventoryFixture.customer(alice)
                .body(InventoryFixture.reservationBody(sku, 1))
                .post(RESERVATIONS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long missing = id + 1_000_000;
        String mallory = Api.unique("mallory");

        Response theirs = InventoryFixture.customer(mallory).get(RESERVATIONS + "/{id}", id);
        Response none = InventoryFixture.customer(mallory).get(RESERVATIONS + "/{id}", missing);
        theirs.then().statusCode(404);
        none.then().statusCode(404);
        assertThat(theirs.jsonPath().getString("type"))
                .isEqualTo(none.jsonPath().getString("type"));
        assertThat(theirs.jsonPath().getString("detail")).isEqualTo("Reservation " + id + " does not exist.");
        assertThat(none.jsonPath().getString("detail")).isEqualTo("Reservation " + missing + " does not exist.");
        InventoryFixture.customer(mallory)
                .delete(RESERVATIONS + "/{id}", id)
                .then()
                .statusCode(404);
        InventoryFixture.customer(mallory)
                .post(RESERVATIONS + "/{id}/extension", id)
                .then()
                .statusCode(404);
        InventoryFixture.customer(alice)
                .get(RESERVATIONS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("HELD"));
        Api.anonymous().get(RESERVATIONS + "/{id}", id).then().statusCode(401);
    }

    /**
     * Draft, archived and hidden SKUs cannot be held, and the refusal is the same as for a SKU that never
     * existed, so a hold cannot reveal unpublished products.
     */
    @Test
    void onlySellableSkusCanBeReservedAndTheRestLookUnknown() {
        String category = CatalogFixture.category(null);
        Map<String, Object> draftBody = CatalogFixture.productBody(
                category, "Unreleased", List.of(CatalogFixture.variant(Api.unique("DRAFT"), 1500, Map.of())));
        draftBody.put("status", "DRAFT");
        String draft = skus(CatalogFixture.create(draftBody)).get(0);

        Map<String, Object> archivedProduct = CatalogFixture.product(category, "Retired", 1500);
        String retired = skus(archivedProduct).get(0);

        Map<String, Object> twoVariants = CatalogFixture.product(category, "Two variants", 1500, 1500);
        String sellable = skus(twoVariants).get(0);
        String archivedVariant = skus(twoVariants).get(1);

        for (String sku : List.of(draft, retired, sellable, archivedVariant)) {
            InventoryFixture.receive(sku, 5);
        }
        Api.admin()
                .header("If-Match", "\"" + archivedProduct.get("version") + "\"")
                .delete("/api/v1/admin/products/{id}", archivedProduct.get("id"))
                .then()
                .statusCode(204);
        @SuppressWarnings("unchecked")
        Map<String, Object> second = ((List<Map<String, Object>>) twoVariants.get("variants")).get(1);
        Api.admin()
                .header("If-Match", "\"" + second.get("version") + "\"")
                .delete("/api/v1/admin/variants/{id}", second.get("id"))
                .then()
                .statusCode(204);

        String owner = Api.unique("buyer");
        for (String sku : List.of(draft, retired, archivedVariant, Api.unique("NO-SUCH-SKU"))) {
            Response refused = InventoryFixture.customer(owner)
                    .body(InventoryFixture.reservationBody(sellable, 1, sku, 1))
                    .post(RESERVATIONS);
            assertThat(refused.statusCode()).as(sku).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("type")).isEqualTo("/problems/not-found");
            assertThat(refused.jsonPath().getString("detail")).isEqualTo("SKU '" + sku + "' is not for sale.");
        }
        assertThat(InventoryFixture.queryLong(
                        "SELECT coalesce(sum(reserved), 0) FROM stock WHERE sku IN (?, ?, ?, ?)",
                        draft,
                        retired,
                        archivedVariant,
                        sellable))
                .isZero();
        InventoryFixture.customer(owner)
                .body(InventoryFixture.reservationBody(sellable, 1))
                .post(RESERVATIONS)
                .then()
                .statusCode(201);
    }

    @SuppressWarnings("unchecked")
    private static List<String> skus(Map<String, Object> product) {
        return ((List<Map<String, Object>>) product.get("variants"))
                .stream().map(v -> (String) v.get("sku")).toList();
    }

    @Test
    void eachLineComesWholeFromTheFirstLocationByPriorityThatCanCoverIt() {
        String near = Api.unique("near");
        String far = Api.unique("far");
        String sku = skuAtTwoLocations(near, 2, far, 10);
        String owner = Api.unique("buyer");
        InventoryFixture.customer(owner)
                .body(InventoryFixture.reservationBody(sku, 3))
                .post(RESERVATIONS)
                .then()
                .statusCode(201)
                .body("lines[0].location", equalTo(far));
        InventoryFixture.customer(owner)
                .body(InventoryFixture.reservationBody(sku, 2))
                .post(RESERVATIONS)
                .then()
                .statusCode(201)
                .body("lines[0].location", equalTo(near));
        InventoryFixture.customer(owner)
                .body(InventoryFixture.reservationBody(sku, 8))
                .post(RESERVATIONS)
                .then()
                .statusCode(409);
    }

    /**
     * Buyers plan on the first location that looked able to cover them and take the row lock last; when
     * the near location runs out between the plan and the lock, the line moves to the far one instead of
     * failing. Every buyer is served while the far location has units, and each line names the location
     * whose counter it took.
     */
    @Test
    void buyersWhoseLocationRunsOutMeanwhileAreServedFromTheNextOne() throws Exception {
        String near = Api.unique("near");
        String far = Api.unique("far");
        String sku = skuAtTwoLocations(near, 5, far, 100);

        List<Response> answers = race(
                40, i -> InventoryFixture.customerToken(tokens.get(i)).body(InventoryFixture.reservationBody(sku, 1)));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        String reservedAt = "SELECT s.reserved FROM stock s JOIN stock_location l ON l.id = s.location_id"
                + " WHERE s.sku = ? AND l.code = ?";
        String heldAt = "SELECT coalesce(sum(r.quantity), 0) FROM reservation_line r JOIN stock_location l"
                + " ON l.id = r.location_id WHERE r.sku = ? AND l.code = ?";
        assertThat(InventoryFixture.queryLong(reservedAt, sku, near)).isEqualTo(5);
        assertThat(InventoryFixture.queryLong(reservedAt, sku, far)).isEqualTo(35);
        assertThat(InventoryFixture.queryLong(heldAt, sku, near)).isEqualTo(5);
        assertThat(InventoryFixture.queryLong(heldAt, sku, far)).isEqualTo(35);
        long nearAnswers = answers.stream()
                .filter(r -> near.equals(r.jsonPath().getString("lines[0].location")))
                .count();
        assertThat(nearAnswers).isEqualTo(5);
    }

    /**
     * A new product's SKU stocked at two new locations: {@code near} (priority 10, allocated first) and
     * {@code far} (priority 20), with the given opening units.
     */
    private static String skuAtTwoLocations(String near, int nearUnits, String far, int farUnits) {
        for (var location : List.of(
                Map.of("code", near, "name", "Near", "priority", 10),
                Map.of("code", far, "name", "Far", "priority", 20))) {
            Api.admin()
                    .contentType("application/json")
                    .body(location)
                    .post("/api/v1/admin/inventory/locations")
                    .then()
                    .statusCode(201);
        }
        String sku = InventoryFixture.product(1).sku();
        for (var stock : List.of(
                Map.of("location", near, "quantity", nearUnits), Map.of("location", far, "quantity", farUnits))) {
            Map<String, Object> receipt = new java.util.HashMap<>(stock);
            receipt.put("reason", "opening stock");
            Api.as("staff")
                    .contentType("application/json")
                    .body(receipt)
                    .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                    .then()
                    .statusCode(200);
        }
        return sku;
    }

    private List<String> tokens = List.of();

    /** Fires {@code count} reservations at once (tokens signed beforehand) and returns every answer. */
    private List<Response> race(
            int count, java.util.function.IntFunction<io.restassured.specification.RequestSpecification> request)
            throws Exception {
        List<String> signed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            signed.add(Tokens.sign(Api.unique("buyer"), List.of("customer"), c -> c));
        }
        tokens = signed;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int buyer = i;
            futures.add(buyers.submit(() -> {
                var spec = request.apply(buyer);
                start.await();
                return spec.post(RESERVATIONS);
            }));
        }
        start.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) {
            answers.add(f.get());
        }
        return answers;
    }
}
