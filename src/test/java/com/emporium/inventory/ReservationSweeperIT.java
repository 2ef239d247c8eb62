package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.Tokens;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Expiry with sweepers racing on both replicas. Holds are made overdue by moving their expiry into the
 * past in the database (waiting 15 minutes is no test); the sweeps run through the admin endpoint, the
 * same code the scheduled sweeper runs (which the test servers schedule only hourly, so every release
 * here is counted).
 */
class ReservationSweeperIT {

    @Test
    void overdueHoldsAreReleasedExactlyOnceBySweepersRacingOnTwoReplicas() throws Exception {
        String sku = InventoryFixture.product(1).sku();
        InventoryFixture.receive(sku, 100);
        List<Long> overdue = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            overdue.add(InventoryFixture.customer(Api.unique("buyer"))
                    .body(InventoryFixture.reservationBody(sku, 1))
                    .post("/api/v1/reservations")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id"));
        }
        long live = InventoryFixture.customer(Api.unique("buyer"))
                .body(InventoryFixture.reservationBody(sku, 10))
                .post("/api/v1/reservations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        try (Connection db = InventoryFixture.database();
                PreparedStatement backdate = db.prepareStatement(
                        "UPDATE reservation SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
            for (long id : overdue) {
                backdate.setLong(1, id);
                backdate.addBatch();
            }
            backdate.executeBatch();
        }

        String token = Tokens.withRoles("admin");
        ExecutorService sweepers = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String replica = i % 2 == 0 ? Api.BASE_URL : InventoryFixture.REPLICA_B_URL;
                sweeps.add(sweepers.submit(() -> {
                    start.await();
                    return RestAssured.given()
                            .baseUri(replica)
                            .auth()
                            .oauth2(token)
                            .post("/api/v1/admin/inventory/sweeps")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getInt("released");
                }));
            }
            start.countDown();
            int released = 0;
            for (Future<Integer> sweep : sweeps) {
                released += sweep.get();
            }
            assertThat(released).isEqualTo(30);
        } finally {
            sweepers.shutdownNow();
        }

        // Released once each: a second release of any hold would have pushed reserved below the live 10.
        assertThat(InventoryFixture.queryLong("SELECT reserved FROM stock WHERE sku = ?", sku))
                .isEqualTo(10);
        assertThat(InventoryFixture.queryLong(
                        "SELECT count(*) FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id"
                                + " WHERE l.sku = ? AND r.status = 'EXPIRED'",
                        sku))
                .isEqualTo(30);
        assertThat(InventoryFixture.queryLong(
                        "SELECT count(*) FROM reservation WHERE id = ? AND status = 'HELD'", live))
                .isEqualTo(1);
        Api.admin()
                .post("/api/v1/admin/inventory/sweeps")
                .then()
                .statusCode(200)
                .body("released", org.hamcrest.Matchers.equalTo(0));
    }
}
