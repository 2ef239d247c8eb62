package com.emporium.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Carts over HTTP: versions, limits, who may see a cart, lines that stop being sold, merging on sign-in. */
class CartIT {

    private static Map<String, Object> product(long... prices) {
        return CatalogFixture.product(CatalogFixture.category(null), "Cart item", prices);
    }

    @SuppressWarnings("unchecked")
    private static String sku(Map<String, Object> product, int i) {
        return (String)
                ((List<Map<String, Object>>) product.get("variants")).get(i).get("sku");
    }

    private static Response create() {
        Response created = Api.anonymous().post("/api/v1/carts");
        created.then().statusCode(201);
        return created;
    }

    private static RequestSpecification guest(Response created) {
        return Api.anonymous()
                .header("Cart-Token", created.<String>path("token"))
                .contentType("application/json");
    }

    @Test
    void writesNeedTheCurrentVersionAndAStaleOneIs412() {
        String sku = sku(product(1500), 0);
        Response cart = create();
        String id = cart.path("id");
        String first = cart.header("ETag");
        guest(cart)
                .body(Map.of("sku", sku, "quantity", 1))
                .post("/api/v1/carts/{id}/lines", id)
                .then()
                .statusCode(428);
        Response added = guest(cart)
                .header("If-Match", first)
                .body(Map.of("sku", sku, "quantity", 1))
                .post("/api/v1/carts/{id}/lines", id);
        added.then().statusCode(200).body("lines[0].unitPrice", equalTo(1500)).body("lines[0].quantity", equalTo(1));
        assertThat(added.header("ETag")).isNotEqualTo(first);
        guest(cart)
                .header("If-Match", first)
                .body(Map.of("sku", sku, "quantity", 1))
                .post("/api/v1/carts/{id}/lines", id)
                .then()
                .statusCode(412)
                .body("type", equalTo("/problems/stale-version"));
        guest(cart)
                .header("If-Match", added.header("ETag"))
                .body(Map.of("quantity", 5))
                .patch("/api/v1/carts/{id}/lines/{sku}", id, sku)
                .then()
                .statusCode(200)
                .body("lines[0].quantity", equalTo(5))
                // Nothing is in stock: the line says so and is left out of the total.
                .body("lines[0].problem", equalTo("insufficient-stock"))
                .body("subtotal", equalTo(0));
    }

    @Test
    void limitsAndUnknownSkusAreClearProblems() {
        String sku = sku(product(100), 0);
        Response cart = create();
        String id = cart.path("id");
        guest(cart)
                .header("If-Match", cart.header("ETag"))
                .body(Map.of("sku", sku, "quantity", 1000))
                .post("/api/v1/carts/{id}/lines", id)
                .then()
                .statusCode(400);
        guest(cart)
                .header("If-Match", cart.header("ETag"))
                .body(Map.of("sku", "NO-SUCH-SKU-" + id, "quantity", 1))
                .post("/api/v1/carts/{id}/lines", id)
                .then()
                .statusCode(404)
                .body("detail", containsString("NO-SUCH-SKU-"));
        Response added = guest(cart)
                .header("If-Match", cart.header("ETag"))
                .body(Map.of("sku", sku, "quantity", 999))
                .post("/api/v1/carts/{id}/lines", id);
        added.then().statusCode(200);
        guest(cart)
                .header("If-Match", added.header("ETag"))
                .body(Map.of("sku", sku, "quantity", 1))
                .post("/api/v1/carts/{id}/lines", id)
                .then()
                .statusCode(422)
                .body("type", equalTo("/problems/cart-limit"));
    }

    @Test
    void aCartThatIsNotYoursDoesNotExist() {
        Response cart = create();
        String id = cart.path("id");
        Api.anonymous().get("/api/v1/carts/{id}", id).then().statusCode(404);
        Api.anonymous()
                .header("Cart-Token", "guessed")
                .get("/api/v1/carts/{id}", id)
                .then()
                .statusCode(404);
        Accounts.customer().api().get("/api/v1/carts/{id}", id).then().statusCode(404);
        guest(cart).get("/api/v1/carts/{id}", id).then().statusCode(200);
    }

    @Test
    void anArchivedSkuIsFlaggedOnItsLineAndLeftOutOfTheTotal() {
        Map<String, Object> product = product(1000, 2000);
        Response cart = create();
        String id = cart.path("id");
        String etag = cart.header("ETag");
        for (int i = 0; i < 2; i++) {
            Api.as("staff")
                    .contentType("application/json")
                    .body(Map.of("quantity", 5, "reason", "cart test"))
                    .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku(product, i))
                    .then()
                    .statusCode(200);
            etag = guest(cart)
                    .header("If-Match", etag)
                    .body(Map.of("sku", sku(product, i), "quantity", 1))
                    .post("/api/v1/carts/{id}/lines", id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
        }
        @SuppressWarnings("unchecked")
        Object variantId =
                ((List<Map<String, Object>>) product.get("variants")).get(1).get("id");
        String variantTag = Api.admin()
                .get("/api/v1/admin/products/{id}", product.get("id"))
                .header("ETag");
        Api.admin()
                .header("If-Match", variantTag)
                .delete("/api/v1/admin/variants/{id}", variantId)
                .then()
                .statusCode(204);

        guest(cart)
                .get("/api/v1/carts/{id}", id)
                .then()
                .statusCode(200)
                .body("lines[1].available", equalTo(false))
                .body("lines[1].problem", equalTo("unavailable"))
                .body("lines[0].available", equalTo(true))
                .body("subtotal", equalTo(1000));
    }

    @Test
    void signingInMergesTheGuestCartIntoTheCustomersCart() {
        Map<String, Object> product = product(500, 700);
        Accounts.Login customer = Accounts.customer();
        Response own = customer.api().post("/api/v1/carts");
        own.then().statusCode(201);
        customer.api()
                .contentType("application/json")
                .header("If-Match", own.header("ETag"))
                .body(Map.of("sku", sku(product, 0), "quantity", 2))
                .post("/api/v1/carts/{id}/lines", own.<String>path("id"))
                .then()
                .statusCode(200);
        Response guestCart = create();
        guest(guestCart)
                .header("If-Match", guestCart.header("ETag"))
                .body(Map.of("sku", sku(product, 0), "quantity", 3))
                .post("/api/v1/carts/{id}/lines", guestCart.<String>path("id"))
                .then()
                .statusCode(200);

        customer.api()
                .header("Cart-Token", guestCart.<String>path("token"))
                .post("/api/v1/carts/{id}/claim", guestCart.<String>path("id"))
                .then()
                .statusCode(200)
                .body("id", equalTo(own.path("id")))
                .body("lines[0].quantity", equalTo(5));
        guest(guestCart)
                .get("/api/v1/carts/{id}", guestCart.<String>path("id"))
                .then()
                .statusCode(404);
    }
}
