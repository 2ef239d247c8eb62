package com.emporium.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.emporium.testsupport.Api;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The guest cart's token in browser mode: an HttpOnly {@code __Host-} cookie instead of the
 * {@code Cart-Token} header, with the Origin check of browser mode on every unsafe request that carries
 * it. The test client sends the cookie back itself (it does not apply {@code Secure} to plain-HTTP
 * localhost), which is what a browser does over HTTPS.
 */
class GuestCartCookieIT {
    private static final String SELF =
            "http://localhost:" + URI.create(Api.BASE_URL).getPort();
    private static final String COOKIE = "__Host-emporium-cart";

    private static Response createInBrowserMode() {
        Response created = Api.anonymous().header("Origin", SELF).post("/api/v1/carts?mode=cookie");
        created.then().statusCode(201);
        return created;
    }

    private static RequestSpecification withCookie(Response created) {
        return Api.anonymous()
                .contentType("application/json")
                .header("Origin", SELF)
                .cookie(COOKIE, created.getCookie(COOKIE));
    }

    @Test
    void browserModeSetsAnHttpOnlyHostCookieAndAnswersNoToken() {
        Response created = createInBrowserMode();
        List<String> setCookies = created.headers().getValues("Set-Cookie");
        assertThat(setCookies).hasSize(1);
        String cookie = setCookies.get(0);
        assertThat(cookie)
                .startsWith(COOKIE + "=")
                .contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax", "; Max-Age=604800");
        assertThat(created.getCookie(COOKIE)).hasSizeGreaterThanOrEqualTo(32);
        created.then().body("token", nullValue());
    }

    @Test
    void headerModeIsUnchanged() {
        Response created = Api.anonymous().post("/api/v1/carts");
        created.then().statusCode(201);
        assertThat(created.headers().getValues("Set-Cookie")).isEmpty();
        assertThat(created.<String>path("token")).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void theCookieOpensTheCartAndPlacesTheOrder() {
        List<String> skus = CheckoutFixture.stockedSkus(5, 1200, 800);
        Response created = createInBrowserMode();
        String id = created.path("id");
        Response first = withCookie(created)
                .header("If-Match", created.header("ETag"))
                .body(Map.of("sku", skus.get(0), "quantity", 2))
                .post("/api/v1/carts/{id}/lines", id);
        first.then().statusCode(200).body("lines[0].quantity", equalTo(2));
        Response second = withCookie(created)
                .header("If-Match", first.header("ETag"))
                .body(Map.of("sku", skus.get(1), "quantity", 1))
                .post("/api/v1/carts/{id}/lines", id);
        second.then().statusCode(200).body("subtotal", equalTo(3200)).body("token", nullValue());
        withCookie(created).get("/api/v1/carts/{id}", id).then().statusCode(200).body("lines.size()", equalTo(2));

        Response placed = withCookie(created)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(CheckoutFixture.orderBody(id))
                .post("/api/v1/orders");
        placed.then().statusCode(201).body("state", equalTo("PENDING_PAYMENT"));
        assertThat(CheckoutFixture.queryLong(
                        "SELECT count(*) FROM customer_order WHERE id = ? AND cart_id = ?",
                        placed.jsonPath().getLong("id"),
                        id))
                .isEqualTo(1);
    }

    @Test
    void withoutTheCookieOrWithAnotherCartsCookieTheCartIsNotFound() {
        Response mine = createInBrowserMode();
        Response other = createInBrowserMode();
        Api.anonymous()
                .get("/api/v1/carts/{id}", mine.<String>path("id"))
                .then()
                .statusCode(404);
        withCookie(other)
                .get("/api/v1/carts/{id}", mine.<String>path("id"))
                .then()
                .statusCode(404);
    }

    @Test
    void unsafeRequestsCarryingTheCookieMustComeFromThisSite() {
        String sku = CheckoutFixture.stockedSkus(5, 500).get(0);
        Response created = createInBrowserMode();
        String id = created.path("id");
        String cookie = created.getCookie(COOKIE);
        for (String origin : new String[] {"https://evil.example", "null", null}) {
            RequestSpecification request = Api.anonymous()
                    .contentType("application/json")
                    .cookie(COOKIE, cookie)
                    .header("If-Match", created.header("ETag"))
                    .body(Map.of("sku", sku, "quantity", 1));
            if (origin != null) {
                request.header("Origin", origin);
            }
            request.post("/api/v1/carts/{id}/lines", id)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/cross-origin"));
        }
        // A cross-site checkout with the cookie is refused the same way and places nothing.
        Api.anonymous()
                .contentType("application/json")
                .cookie(COOKIE, cookie)
                .header("Origin", "https://evil.example")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(CheckoutFixture.orderBody(id))
                .post("/api/v1/orders")
                .then()
                .statusCode(403)
                .body("type", equalTo("/problems/cross-origin"));
        // Creating a cart in browser mode is checked too: a foreign page cannot plant a cart cookie.
        Api.anonymous()
                .header("Origin", "https://evil.example")
                .post("/api/v1/carts?mode=cookie")
                .then()
                .statusCode(403);
        withCookie(created)
                .get("/api/v1/carts/{id}", id)
                .then()
                .statusCode(200)
                .body("lines.size()", equalTo(0))
                .body("version", equalTo(created.<Integer>path("version")));
        assertThat(CheckoutFixture.queryLong("SELECT count(*) FROM customer_order WHERE cart_id = ?", id))
                .isZero();
    }

    @Test
    void anUnknownModeIsABadRequest() {
        Api.anonymous()
                .post("/api/v1/carts?mode=bearer")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
