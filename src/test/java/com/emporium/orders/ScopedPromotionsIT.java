package com.emporium.orders;

import static com.emporium.orders.CheckoutFixture.queryLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Promotions scoped to categories or SKUs, and automatic promotions, over HTTP. Automatic promotions
 * here are always scoped to SKUs of their own test, so they never touch another test's carts.
 */
class ScopedPromotionsIT {

    /** A SKU of a new product in {@code category} at {@code price}, with {@code stock} units received. */
    private static String skuIn(String category, long price, int stock) {
        Map<String, Object> product = CatalogFixture.product(category, "Scoped promotion item", price);
        @SuppressWarnings("unchecked")
        String sku = ((List<Map<String, Object>>) product.get("variants"))
                .get(0)
                .get("sku")
                .toString();
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("quantity", stock, "reason", "promotion test delivery"))
                .post("/api/v1/admin/inventory/stock/{sku}/receipts", sku)
                .then()
                .statusCode(is(200));
        return sku;
    }

    private static Response createPromotion(Map<String, Object> body) {
        return Api.admin().contentType("application/json").body(body).post("/api/v1/admin/promotions");
    }

    private static String coupon(Map<String, Object> fields) {
        String code = "SCOPE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("code", code);
        createPromotion(body).then().statusCode(201);
        return code;
    }

    private static Map<String, Object> line(JsonPath cart, String sku) {
        return cart.getMap("lines.find { it.sku == '" + sku + "' }");
    }

    private static Response place(CheckoutFixture.GuestCart cart) {
        return CheckoutFixture.place(cart, UUID.randomUUID().toString(), CheckoutFixture.orderBody(cart.id()));
    }

    @Test
    void aCategoryCouponDiscountsOnlyTheLinesInThatCategoryAndItsSubcategories() {
        String shoes = CatalogFixture.category(null);
        String boots = CatalogFixture.category(shoes);
        String elsewhere = CatalogFixture.category(null);
        String boot = skuIn(boots, 2_000, 5);
        String hat = skuIn(elsewhere, 1_000, 5);
        String code =
                coupon(Map.of("kind", "PERCENTAGE", "value", 10, "scope", "CATEGORIES", "categories", List.of(shoes)));

        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        cart.add(boot, 1).then().statusCode(200);
        cart.add(hat, 1).then().statusCode(200);
        JsonPath priced = cart.details(Map.of("coupon", code))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(priced.getBoolean("coupon.applied")).isTrue();
        assertThat(((Number) line(priced, boot).get("discount")).longValue()).isEqualTo(200);
        assertThat(((Number) line(priced, hat).get("discount")).longValue()).isZero();
        assertThat(priced.getLong("discount")).isEqualTo(200);
        assertThat(priced.getLong("total")).isEqualTo(2_800);
        assertThat(priced.getList("promotions.code")).containsExactly(code);

        Response placed = place(cart);
        placed.then().statusCode(201);
        JsonPath order = placed.jsonPath();
        assertThat(order.getLong("discount")).isEqualTo(200);
        assertThat(order.getLong("lines.find { it.sku == '" + hat + "' }.discount"))
                .isZero();
        assertThat(order.getList("promotions.code")).containsExactly(code);
        assertThat(order.getLong("promotions[0].amount")).isEqualTo(200);
    }

    @Test
    void aSkuCouponDiscountsOnlyThatSkuAndAFixedAmountStopsAtWhatItCosts() {
        String category = CatalogFixture.category(null);
        String cheap = skuIn(category, 300, 5);
        String other = skuIn(category, 1_000, 5);
        String code = coupon(
                Map.of("kind", "FIXED", "value", 500, "currency", "EUR", "scope", "SKUS", "skus", List.of(cheap)));

        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        cart.add(other, 1).then().statusCode(200);
        JsonPath without = cart.details(Map.of("coupon", code))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(without.getBoolean("coupon.applied")).isFalse();
        assertThat(without.getString("coupon.reason")).isEqualTo("nothing in the cart qualifies for it");
        assertThat(without.getLong("discount")).isZero();

        JsonPath priced = cart.add(cheap, 1).then().statusCode(200).extract().jsonPath();
        assertThat(priced.getBoolean("coupon.applied")).isTrue();
        assertThat(((Number) line(priced, cheap).get("discount")).longValue()).isEqualTo(300);
        assertThat(((Number) line(priced, other).get("discount")).longValue()).isZero();
        assertThat(priced.getLong("discount")).isEqualTo(300);

        Response placed = place(cart);
        placed.then().statusCode(201);
        assertThat(placed.jsonPath().getLong("lines.find { it.sku == '" + cheap + "' }.discount"))
                .isEqualTo(300);
        assertThat(queryLong("SELECT used FROM promotion WHERE code = ?", code)).isEqualTo(1);
    }

    @Test
    void aCategoryCouponRefusesAMinimumThatOnlyTheWholeCartReaches() {
        String category = CatalogFixture.category(null);
        String covered = skuIn(category, 1_000, 5);
        String other = skuIn(CatalogFixture.category(null), 5_000, 5);
        String code = coupon(Map.of(
                "kind",
                "PERCENTAGE",
                "value",
                10,
                "minSubtotal",
                2_000,
                "scope",
                "CATEGORIES",
                "categories",
                List.of(category)));

        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        cart.add(covered, 1).then().statusCode(200);
        cart.add(other, 1).then().statusCode(200);
        JsonPath priced = cart.details(Map.of("coupon", code))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(priced.getBoolean("coupon.applied")).isFalse();
        assertThat(priced.getString("coupon.reason")).contains("minimum of 2000");
        Response refused = place(cart);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.<String>path("type")).isEqualTo("/problems/coupon-unavailable");
        assertThat(queryLong("SELECT used FROM promotion WHERE code = ?", code)).isZero();
    }

    @Test
    void anAutomaticPromotionAppliesWithoutACodeAndStaysOnThePlacedOrder() {
        String category = CatalogFixture.category(null);
        String sale = skuIn(category, 1_000, 5);
        String full = skuIn(category, 2_000, 5);
        String name = "Spring sale " + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = createPromotion(Map.of(
                        "automatic",
                        true,
                        "name",
                        name,
                        "kind",
                        "PERCENTAGE",
                        "value",
                        20,
                        "scope",
                        "SKUS",
                        "skus",
                        List.of(sale)))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(created.getString("code")).isNull();
        assertThat(created.getBoolean("automatic")).isTrue();
        assertThat(created.getList("skus")).containsExactly(sale);
        String code = coupon(Map.of("kind", "PERCENTAGE", "value", 10));

        CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
        cart.add(sale, 1).then().statusCode(200);
        JsonPath automaticOnly =
                cart.add(full, 1).then().statusCode(200).extract().jsonPath();
        assertThat(automaticOnly.getLong("discount")).isEqualTo(200);
        assertThat(automaticOnly.getList("promotions.name")).containsExactly(name);
        assertThat(automaticOnly.getBoolean("promotions[0].automatic")).isTrue();
        assertThat(automaticOnly.getString("promotions[0].code")).isNull();

        // With a coupon on top: the coupon takes 10 % of what is left (800 + 2,000), never stacking below zero.
        JsonPath both = cart.details(Map.of("coupon", code))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(both.getList("promotions.automatic")).containsExactly(true, false);
        assertThat(both.getList("promotions.amount", Long.class)).containsExactly(200L, 280L);
        assertThat(both.getLong("discount")).isEqualTo(480);
        assertThat(both.getLong("total")).isEqualTo(2_520);

        Response placed = place(cart);
        placed.then().statusCode(201);
        long orderId = placed.jsonPath().getLong("id");
        String token = placed.path("accessToken");
        JsonPath order = Api.anonymous()
                .header("Order-Token", token)
                .get("/api/v1/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(order.getList("promotions.name")).contains(name);
        assertThat(order.getList("promotions.amount", Long.class)).containsExactly(200L, 280L);
        assertThat(order.getLong("discount")).isEqualTo(480);

        // The snapshot is frozen: switching the promotion off does not change the placed order.
        CheckoutFixture.execute("UPDATE promotion SET active = false WHERE name = ?", name);
        assertThat(Api.anonymous()
                        .header("Order-Token", token)
                        .get("/api/v1/orders/{id}", orderId)
                        .jsonPath()
                        .getList("promotions.name"))
                .contains(name);
        assertThat(queryLong(
                        "SELECT count(*) FROM order_promotion op JOIN promotion p ON p.id = op.promotion_id"
                                + " WHERE op.order_id = ? AND p.automatic",
                        orderId))
                .isEqualTo(1);
    }

    @Test
    void anAutomaticPromotionLimitedToOneUseGoesToExactlyOneOfTwentyConcurrentCheckouts() throws Exception {
        String sku = skuIn(CatalogFixture.category(null), 1_500, 40);
        String name = "Once only " + UUID.randomUUID().toString().substring(0, 8);
        createPromotion(Map.of(
                        "automatic",
                        true,
                        "name",
                        name,
                        "kind",
                        "FIXED",
                        "value",
                        500,
                        "currency",
                        "EUR",
                        "usageLimit",
                        1,
                        "scope",
                        "SKUS",
                        "skus",
                        List.of(sku)))
                .then()
                .statusCode(201);
        List<CheckoutFixture.GuestCart> carts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CheckoutFixture.GuestCart cart = CheckoutFixture.guestCart();
            assertThat(cart.add(sku, 1).jsonPath().getLong("discount")).isEqualTo(500);
            carts.add(cart);
        }

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (CheckoutFixture.GuestCart cart : carts) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return place(cart);
                }));
            }
            start.countDown();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        // Every order is placed; the promotion simply drops off for all but one of them.
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(answers.stream().filter(r -> r.jsonPath().getLong("discount") == 500))
                .hasSize(1);
        assertThat(queryLong("SELECT used FROM promotion WHERE name = ?", name)).isEqualTo(1);
        assertThat(queryLong(
                        "SELECT count(*) FROM order_promotion op JOIN promotion p ON p.id = op.promotion_id"
                                + " WHERE p.name = ?",
                        name))
                .isEqualTo(1);
        assertThat(queryLong(
                        "SELECT count(*) FROM customer_order o JOIN order_line l ON l.order_id = o.id"
                                + " WHERE l.sku = ? AND o.discount > 0",
                        sku))
                .isEqualTo(1);
        assertThat(queryLong("SELECT count(*) FROM order_line WHERE sku = ?", sku))
                .isEqualTo(20);
    }

    @Test
    void anAutomaticPromotionOncePerCustomerIsLeftOutOfTheSecondOrderWhichIsStillPlaced() {
        String sku = skuIn(CatalogFixture.category(null), 2_000, 10);
        String name = "Welcome gift " + UUID.randomUUID().toString().substring(0, 8);
        createPromotion(Map.of(
                        "automatic",
                        true,
                        "name",
                        name,
                        "kind",
                        "PERCENTAGE",
                        "value",
                        10,
                        "perCustomerLimit",
                        1,
                        "scope",
                        "SKUS",
                        "skus",
                        List.of(sku)))
                .then()
                .statusCode(201);
        com.emporium.testsupport.Accounts.Login customer = com.emporium.testsupport.Accounts.customer();

        Response first = CheckoutSupport.placeCart(
                customer,
                CheckoutSupport.customerCart(customer, sku, 1),
                null,
                UUID.randomUUID().toString());
        Response second = CheckoutSupport.placeCart(
                customer,
                CheckoutSupport.customerCart(customer, sku, 1),
                null,
                UUID.randomUUID().toString());

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.jsonPath().getLong("discount")).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.jsonPath().getLong("discount")).isZero();
        assertThat(second.jsonPath().getList("promotions")).isEmpty();
        // The second checkout's count was taken back under the row lock: one use, one redemption.
        assertThat(queryLong("SELECT used FROM promotion WHERE name = ?", name)).isEqualTo(1);
        assertThat(queryLong(
                        "SELECT count(*) FROM promotion_redemption r JOIN promotion p ON p.id = r.promotion_id"
                                + " WHERE p.name = ?",
                        name))
                .isEqualTo(1);
    }

    @Test
    void staffGetAProblemForPromotionsThatCannotBeMade() {
        String sku = skuIn(CatalogFixture.category(null), 1_000, 1);
        List<Map<String, Object>> refused = List.of(
                Map.of(
                        "automatic",
                        true,
                        "code",
                        "NOPE1",
                        "kind",
                        "PERCENTAGE",
                        "value",
                        5,
                        "scope",
                        "SKUS",
                        "skus",
                        List.of(sku)),
                Map.of("kind", "PERCENTAGE", "value", 5),
                Map.of("code", "NOPE2", "kind", "PERCENTAGE", "value", 5, "scope", "SKUS"),
                Map.of(
                        "code",
                        "NOPE3",
                        "kind",
                        "PERCENTAGE",
                        "value",
                        5,
                        "scope",
                        "CATEGORIES",
                        "categories",
                        List.of("no-such-category-"
                                + UUID.randomUUID().toString().substring(0, 8))),
                Map.of(
                        "code",
                        "NOPE4",
                        "kind",
                        "PERCENTAGE",
                        "value",
                        5,
                        "scope",
                        "SKUS",
                        "skus",
                        List.of("NO-SUCH-SKU-" + UUID.randomUUID())),
                Map.of("code", "NOPE5", "kind", "PERCENTAGE", "value", 5, "skus", List.of(sku)));
        for (Map<String, Object> body : refused) {
            Response answer = createPromotion(body);
            assertThat(answer.statusCode()).as(body.toString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.<String>path("type")).isEqualTo("/problems/invalid-request");
        }
        Response badScope = createPromotion(Map.of("code", "NOPE6", "kind", "PERCENTAGE", "value", 5, "scope", "SHOP"));
        assertThat(badScope.statusCode()).isEqualTo(400);
        assertThat(badScope.contentType()).startsWith("application/problem+json");
        assertThat(queryLong("SELECT count(*) FROM promotion WHERE code LIKE 'NOPE%'"))
                .isZero();
    }
}
