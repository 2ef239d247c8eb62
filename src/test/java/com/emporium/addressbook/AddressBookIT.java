package com.emporium.addressbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.CheckoutAddress;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each customer's own address book: saved, replaced, removed, invisible to everyone else, bounded. */
class AddressBookIT {

    private static Response save(Accounts.Login customer, String label, Map<String, Object> address) {
        return customer.api()
                .contentType("application/json")
                .body(Map.of("label", label, "address", address))
                .post("/api/v1/me/addresses");
    }

    @Test
    void aCustomerSavesChangesAndRemovesAddressesThatNobodyElseSees() {
        Accounts.Login owner = Accounts.customer();
        Accounts.Login other = Accounts.customer();
        Response saved = save(owner, "home", CheckoutAddress.GERMAN);
        saved.then().statusCode(201);
        long id = saved.jsonPath().getLong("id");
        assertThat(saved.<String>path("address.city")).isEqualTo("Köln");

        Map<String, Object> office = new HashMap<>(CheckoutAddress.GERMAN);
        office.put("city", "Bonn");
        owner.api()
                .contentType("application/json")
                .body(Map.of("label", "office", "address", office))
                .put("/api/v1/me/addresses/{id}", id)
                .then()
                .statusCode(200);
        assertThat(owner.api().get("/api/v1/me/addresses").jsonPath().getList("address.city"))
                .containsExactly("Bonn");

        assertThat(other.api().get("/api/v1/me/addresses").jsonPath().getList("id"))
                .isEmpty();
        other.api()
                .contentType("application/json")
                .body(Map.of("address", CheckoutAddress.GERMAN))
                .put("/api/v1/me/addresses/{id}", id)
                .then()
                .statusCode(404);
        other.api().delete("/api/v1/me/addresses/{id}", id).then().statusCode(404);

        owner.api().delete("/api/v1/me/addresses/{id}", id).then().statusCode(204);
        assertThat(owner.api().get("/api/v1/me/addresses").jsonPath().getList("id"))
                .isEmpty();
    }

    @Test
    void anInvalidAddressIsRefusedFieldByField() {
        Accounts.Login owner = Accounts.customer();
        Map<String, Object> bad = new HashMap<>(CheckoutAddress.GERMAN);
        bad.put("country", "Germany");
        bad.remove("city");
        Response refused = save(owner, "x", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<String>path("type")).isEqualTo("/problems/validation");
        assertThat(refused.jsonPath().getList("errors.field").toString())
                .contains("country")
                .contains("city");
        assertThat(owner.api().get("/api/v1/me/addresses").jsonPath().getList("id"))
                .isEmpty();
    }

    @Test
    void concurrentSavesNeverOverfillTheBook() throws Exception {
        Accounts.Login owner = Accounts.customer();
        for (int i = 0; i < 15; i++) {
            save(owner, "a" + i, CheckoutAddress.GERMAN).then().statusCode(201);
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return save(owner, "b" + n, CheckoutAddress.GERMAN).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(5);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(5);
        assertThat(owner.api().get("/api/v1/me/addresses").jsonPath().getList("id"))
                .hasSize(20);
    }
}
