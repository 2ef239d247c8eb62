package com.emporium.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.emporium.orders.CheckoutSupport;
import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.Eventually;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Points earned on paid orders, redeemed at checkout, expired oldest first; judged on the ledger. */
class LoyaltyIT {
    /**
     * The ledger is the truth: once every test above has earned, redeemed, released, reversed, expired
     * and adjusted points (and put back the cache one of them tampered with), no account's cached
     * balance differs from what its entries add up to.
     */
    @AfterAll
    static void noAccountHasDriftedFromItsLedger() {
        Response drift = Api.admin().get("/api/v1/admin/loyalty/drift");
        drift.then().statusCode(200);
        assertThat(drift.jsonPath().getLong("accountsChecked")).isPositive();
        assertThat(drift.jsonPath().getList("drifted")).isEmpty();
    }

    private static final String DB_URL = System.getProperty("it.db.url", "jdbc:postgresql://localhost:15432/postgres");

    private static String account(Accounts.Login customer) {
        return customer.api()
                .get("/api/v1/me/loyalty")
                .then()
                .statusCode(200)
                .extract()
                .path("account");
    }

    private static void grant(String account, long points) {
        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("points", points, "reason", "welcome bonus"))
                .post("/api/v1/admin/loyalty/accounts/{a}/adjustments", account)
                .then()
                .statusCode(200);
    }

    private static long ledgerSum(String account) {
        return CheckoutSupport.queryLong(
                "SELECT COALESCE(SUM(points), 0) FROM loyalty_entry WHERE account = ?", account);
    }

    @Test
    void pointsRedeemedAtCheckoutAreHeldThenSpentAndThePaidOrderEarnsPendingPoints() {
        Accounts.Login customer = Accounts.customer();
        String account = account(customer);
        grant(account, 1000);
        customer.api().get("/api/v1/me/loyalty").then().statusCode(200);
        Response before = customer.api().get("/api/v1/me/loyalty");
        assertThat(before.<Integer>path("available")).isEqualTo(1000);
        assertThat(before.<Integer>path("nextExpiry.points")).isEqualTo(1000);
        Instant expiry = Instant.parse(before.path("nextExpiry.at"));
        assertThat(expiry)
                .isBetween(
                        Instant.now().plus(360, ChronoUnit.DAYS), Instant.now().plus(370, ChronoUnit.DAYS));

        String sku = CheckoutSupport.stockedSku(10, 5000);
        Response order = CheckoutSupport.placeAsCustomer(
                customer, sku, 2, 300L, UUID.randomUUID().toString());
        order.then().statusCode(201);
        long total = order.jsonPath().getLong("total");
        assertThat(order.jsonPath().getLong("pointsRedeemed")).isEqualTo(300);
        assertThat(order.jsonPath().getLong("pointsValue")).isEqualTo(300);
        assertThat(order.jsonPath().getLong("amountDue")).isEqualTo(total - 300);
        long orderId = order.jsonPath().getLong("id");

        Response held = customer.api().get("/api/v1/me/loyalty");
        assertThat(held.<Integer>path("available")).isEqualTo(700);
        assertThat(held.<Integer>path("held")).isEqualTo(300);

        customer.api()
                .contentType("application/json")
                .body(Map.of("provider", "test"))
                .post("/api/v1/orders/{id}/payments", orderId)
                .then()
                .statusCode(200);

        Response paid = customer.api().get("/api/v1/me/loyalty");
        assertThat(paid.<Integer>path("held")).isZero();
        assertThat(paid.<Integer>path("available")).isEqualTo(700);
        long tax = order.jsonPath().getLong("tax");
        long shipping = order.jsonPath().getLong("shipping");
        long earned = (total - tax - shipping - 300) / 100; // 1 point per 100 minor units of EUR
        assertThat(earned).isPositive();
        assertThat(paid.jsonPath().getLong("pending")).isEqualTo(earned);
        assertThat(CheckoutSupport.queryLong(
                        "SELECT count(*) FROM loyalty_entry WHERE order_id = ? AND kind = 'EARN'"
                                + " AND available_at > now() + interval '13 days'",
                        orderId))
                .as("earned points wait for the 14-day return window")
                .isEqualTo(1);
        assertThat(kinds(account)).containsExactly("ADJUST", "REDEEM_HOLD", "REDEEM_CONFIRM", "EARN");
        assertThat(ledgerSum(account)).isEqualTo(700 + earned);
    }

    @Test
    void aRefundTakesBackThePointsTheOrderEarnedAndNeverMoreMoneyThanWasPaid() {
        Accounts.Login customer = Accounts.customer();
        String account = account(customer);
        grant(account, 1000);
        String sku = CheckoutSupport.stockedSku(10, 5000);
        Response order = CheckoutSupport.placeAsCustomer(
                customer, sku, 1, 400L, UUID.randomUUID().toString());
        order.then().statusCode(201);
        long orderId = order.jsonPath().getLong("id");
        long amountDue = order.jsonPath().getLong("amountDue");
        customer.api()
                .contentType("application/json")
                .body(Map.of("provider", "test"))
                .post("/api/v1/orders/{id}/payments", orderId)
                .then()
                .statusCode(200);
        long earned = CheckoutSupport.queryLong(
                "SELECT points FROM loyalty_entry WHERE order_id = ? AND kind = 'EARN'", orderId);
        assertThat(earned).isPositive();

        Response refunded = Api.as("staff")
                .contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of())
                .post("/api/v1/admin/orders/{id}/refunds", orderId);
        refunded.then().statusCode(200);

        assertThat(CheckoutSupport.queryLong("SELECT COALESCE(SUM(amount), 0) FROM refund WHERE order_id = ?", orderId))
                .as("the money refunded is what was paid, not the part paid with points")
                .isEqualTo(amountDue);
        assertThat(CheckoutSupport.queryLong(
                        "SELECT COALESCE(-SUM(points), 0) FROM loyalty_entry WHERE order_id = ? AND kind = 'REVERSAL'",
                        orderId))
                .isEqualTo(earned);
        assertThat(ledgerSum(account)).isEqualTo(600);
    }

    @Test
    void aCancelledOrderGivesItsHeldPointsBack() {
        Accounts.Login customer = Accounts.customer();
        String account = account(customer);
        grant(account, 500);
        String sku = CheckoutSupport.stockedSku(10, 4000);
        Response order = CheckoutSupport.placeAsCustomer(
                customer, sku, 1, 200L, UUID.randomUUID().toString());
        order.then().statusCode(201);
        assertThat(customer.api().get("/api/v1/me/loyalty").<Integer>path("available"))
                .isEqualTo(300);

        Api.as("staff")
                .contentType("application/json")
                .body(Map.of("reason", "customer asked"))
                .post("/api/v1/admin/orders/{id}/cancellation", order.jsonPath().getLong("id"))
                .then()
                .statusCode(200);

        Response after = customer.api().get("/api/v1/me/loyalty");
        assertThat(after.<Integer>path("available")).isEqualTo(500);
        assertThat(after.<Integer>path("held")).isZero();
        assertThat(kinds(account)).containsExactly("ADJUST", "REDEEM_HOLD", "REDEEM_RELEASE");
    }

    @Test
    void redemptionsOutsideTheRulesAreRefusedAndChangeNothing() {
        Accounts.Login customer = Accounts.customer();
        String account = account(customer);
        grant(account, 100_000);
        String sku = CheckoutSupport.stockedSku(10, 2000);

        Response overShare = CheckoutSupport.placeAsCustomer(
                customer, sku, 1, 5000L, UUID.randomUUID().toString());
        assertThat(overShare.statusCode()).isEqualTo(400);
        assertThat(overShare.<String>path("type")).isEqualTo("/problems/points-over-limit");

        Accounts.Login poor = Accounts.customer();
        grant(account(poor), 10);
        Response short_ = CheckoutSupport.placeAsCustomer(
                poor, sku, 1, 11L, UUID.randomUUID().toString());
        assertThat(short_.statusCode()).isEqualTo(409);
        assertThat(short_.<String>path("type")).isEqualTo("/problems/insufficient-points");

        Response guest = CheckoutSupport.placeAsGuest(sku, 1, 1L);
        assertThat(guest.statusCode()).isEqualTo(400);
        assertThat(guest.<String>path("type")).isEqualTo("/problems/points-not-accepted");

        assertThat(kinds(account)).containsExactly("ADJUST");
        assertThat(customer.api().get("/api/v1/me/loyalty").<Integer>path("available"))
                .isEqualTo(100_000);
        assertThat(CheckoutSupport.queryLong("SELECT reserved FROM stock WHERE sku = ?", sku))
                .isZero();
    }

    @Test
    void twentyConcurrentCheckoutsNeverSpendMoreThanTheBalance() throws Exception {
        Accounts.Login customer = Accounts.customer();
        String account = account(customer);
        grant(account, 1000);
        String sku = CheckoutSupport.stockedSku(100, 5000);
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            carts.add(CheckoutSupport.customerCart(customer, sku, 1));
        }

        List<Response> answers = race(
                20,
                i -> CheckoutSupport.placeCart(
                        customer, carts.get(i), 300L, UUID.randomUUID().toString()));

        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(3);
        assertThat(answers.stream().filter(r -> r.statusCode() != 201))
                .allSatisfy(r -> assertThat(r.<String>path("type")).isEqualTo("/problems/insufficient-points"));
        assertThat(ledgerSum(account)).isEqualTo(100);
        assertThat(CheckoutSupport.queryLong(
                        "SELECT count(*) FROM loyalty_entry WHERE account = ? AND kind = 'REDEEM_HOLD'", account))
                .isEqualTo(3);
        assertThat(CheckoutSupport.queryLong(
                        "SELECT count(*) FROM customer_order WHERE owner = ? AND points_redeemed = 300", account))
                .isEqualTo(3);
        assertThat(Api.admin().get("/api/v1/admin/loyalty/drift").jsonPath().getList("drifted"))
                .noneMatch(d -> account.equals(((Map<?, ?>) d).get("account")));
    }

    @Test
    void aRetriedPlacementWithTheSameKeyRedeemsOnce() throws Exception {
        Accounts.Login customer = Accounts.customer();
        String account = account(customer);
        grant(account, 1000);
        String sku = CheckoutSupport.stockedSku(10, 5000);
        String cart = CheckoutSupport.customerCart(customer, sku, 1);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = CheckoutSupport.orderBody(cart, 400L);

        List<Response> answers = race(5, i -> CheckoutSupport.placeCart(customer, body, key));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(ledgerSum(account)).isEqualTo(600);
        assertThat(kinds(account)).containsExactly("ADJUST", "REDEEM_HOLD");
    }

    @Test
    void expiryTakesWhatIsLeftOfTheOldestLotsFirst() throws Exception {
        String account = Long.toString(Accounts.customer().id());
        Instant now = Instant.now();
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "")) {
            db.createStatement()
                    .execute("INSERT INTO loyalty_account (account, points_total, next_expiry) VALUES ('" + account
                            + "', 500, now() - interval '1 day')");
            // Lot A: 300 points, available two years ago, expired yesterday. Lot B: 400, expires next year.
            insert(db, account, "ADJUST", 300, now.minus(730, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
            insert(db, account, "ADJUST", 400, now.minus(10, ChronoUnit.DAYS), now.plus(355, ChronoUnit.DAYS));
            // 200 spent: taken from lot A first, so 100 of lot A is left to expire.
            insert(db, account, "ADJUST", -200, now.minus(5, ChronoUnit.DAYS), null);
        }

        Api.admin().post("/api/v1/admin/loyalty/expiry").then().statusCode(200);
        Api.admin().post("/api/v1/admin/loyalty/expiry").then().statusCode(200);

        assertThat(CheckoutSupport.queryLong(
                        "SELECT COALESCE(SUM(points), 0) FROM loyalty_entry WHERE account = ? AND kind = 'EXPIRE'",
                        account))
                .as("once, and only what the oldest lot had left")
                .isEqualTo(-100);
        Response view = Api.as("staff").get("/api/v1/admin/loyalty/accounts/{a}", account);
        assertThat(view.<Integer>path("available")).isEqualTo(400);
        assertThat(view.<Integer>path("nextExpiry.points")).isEqualTo(400);
        assertThat(Api.admin().get("/api/v1/admin/loyalty/drift").jsonPath().getList("drifted"))
                .noneMatch(d -> account.equals(((Map<?, ?>) d).get("account")));
    }

    @Test
    void theLedgerIsAppendOnlyAndTheDriftCheckFindsATamperedCache() throws Exception {
        Accounts.Login customer = Accounts.customer();
        String account = account(customer);
        grant(account, 50);
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "")) {
            assertThatThrownBy(() -> db.createStatement()
                            .executeUpdate("UPDATE loyalty_entry SET points = 5000 WHERE account = '" + account + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.createStatement()
                            .executeUpdate("DELETE FROM loyalty_entry WHERE account = '" + account + "'"))
                    .isInstanceOf(SQLException.class);
            db.createStatement()
                    .executeUpdate("UPDATE loyalty_account SET points_total = points_total + 7 WHERE account = '"
                            + account + "'");
        }
        Response drift = Api.admin().get("/api/v1/admin/loyalty/drift");
        drift.then().statusCode(200);
        assertThat(drift.jsonPath().getList("drifted.findAll { it.account == '" + account + "' }.cached"))
                .containsExactly(57);
        assertThat(drift.jsonPath().getList("drifted.findAll { it.account == '" + account + "' }.ledger"))
                .containsExactly(50);
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "")) {
            db.createStatement()
                    .executeUpdate("UPDATE loyalty_account SET points_total = points_total - 7 WHERE account = '"
                            + account + "'");
        }
    }

    @Test
    void customersSeeOnlyTheirOwnPointsAndOnlyStaffAdjust() {
        Accounts.Login customer = Accounts.customer();
        Api.anonymous().get("/api/v1/me/loyalty").then().statusCode(401);
        customer.api()
                .contentType("application/json")
                .body(Map.of("points", 1000, "reason", "self-service"))
                .post("/api/v1/admin/loyalty/accounts/{a}/adjustments", account(customer))
                .then()
                .statusCode(403);
        assertThat(customer.api().get("/api/v1/me/loyalty").<Integer>path("available"))
                .isZero();
    }

    private static String tierInDatabase(String account) {
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "");
                var s = db.prepareStatement("SELECT tier FROM loyalty_account WHERE account = ?")) {
            s.setString(1, account);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long payNewOrder(Accounts.Login customer, long price) {
        String sku = CheckoutSupport.stockedSku(5, price);
        Response order = CheckoutSupport.placeAsCustomer(
                customer, sku, 1, null, UUID.randomUUID().toString());
        order.then().statusCode(201);
        long orderId = order.jsonPath().getLong("id");
        customer.api()
                .contentType("application/json")
                .body(Map.of("provider", "test"))
                .post("/api/v1/orders/{id}/payments", orderId)
                .then()
                .statusCode(200);
        return orderId;
    }

    @Test
    void aPaymentLiftsTheTierWhichEarnsAtItsMultiplierAndARefundLowersItAgain() {
        Accounts.Login customer = Accounts.customer();
        String account = account(customer);
        assertThat(customer.api().get("/api/v1/me/loyalty").<String>path("tier"))
                .isEqualTo("bronze");

        // 800 EUR with tax: the net for goods is well over silver's 500 EUR and under gold's 1,500 EUR.
        long orderId = payNewOrder(customer, 80_000);
        long net = CheckoutSupport.queryLong(
                "SELECT amount FROM loyalty_spend WHERE order_id = ? AND amount > 0", orderId);
        assertThat(net).isBetween(50_000L, 149_999L);

        assertThat(tierInDatabase(account)).isEqualTo("SILVER");
        assertThat(customer.api().get("/api/v1/me/loyalty").<String>path("tier"))
                .isEqualTo("silver");
        assertThat(Api.as("staff")
                        .get("/api/v1/admin/loyalty/accounts/{a}", account)
                        .<String>path("tier"))
                .isEqualTo("silver");
        long earned = CheckoutSupport.queryLong(
                "SELECT points FROM loyalty_entry WHERE order_id = ? AND kind = 'EARN'", orderId);
        assertThat(earned)
                .as("the payment that reached silver earns at silver's 125 %")
                .isEqualTo(net * 125 / 10_000)
                .isGreaterThan(net / 100);

        Api.as("staff")
                .contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of())
                .post("/api/v1/admin/orders/{id}/refunds", orderId)
                .then()
                .statusCode(200);

        assertThat(tierInDatabase(account)).isEqualTo("BRONZE");
        assertThat(customer.api().get("/api/v1/me/loyalty").<String>path("tier"))
                .isEqualTo("bronze");
        assertThat(CheckoutSupport.queryLong(
                        "SELECT COALESCE(SUM(amount), 0) FROM loyalty_spend WHERE account = ?", account))
                .isZero();
        assertThat(CheckoutSupport.queryLong(
                        "SELECT COALESCE(-SUM(points), 0) FROM loyalty_entry WHERE order_id = ? AND kind = 'REVERSAL'",
                        orderId))
                .as("the refund takes back exactly what the order earned, multiplier included")
                .isEqualTo(earned);
        assertThat(kinds(account)).containsExactly("EARN", "REVERSAL");
        assertThat(ledgerSum(account)).isZero();
    }

    @Test
    void theSweepLowersATierWhoseSpendLeftTheWindow() throws Exception {
        String account = Long.toString(Accounts.customer().id());
        Instant now = Instant.now();
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "")) {
            db.createStatement()
                    .execute("INSERT INTO loyalty_account (account, tier, tier_review_at) VALUES ('" + account
                            + "', 'GOLD', now() - interval '1 hour')");
            // 2,000 EUR paid thirteen months ago made it gold; 600 EUR last month keeps it silver.
            spend(db, account, 200_000, now.minus(395, ChronoUnit.DAYS));
            spend(db, account, 60_000, now.minus(30, ChronoUnit.DAYS));
        }

        Response swept = Api.admin().post("/api/v1/admin/loyalty/expiry");
        swept.then().statusCode(200);
        assertThat(swept.<Integer>path("tiersReviewed")).isPositive();

        assertThat(tierInDatabase(account)).isEqualTo("SILVER");
        assertThat(CheckoutSupport.queryLong(
                        "SELECT count(*) FROM loyalty_account WHERE account = ?"
                                + " AND tier_review_at BETWEEN now() + interval '330 days' AND now() + interval '340 days'",
                        account))
                .as("the next review is when last month's spend leaves the window")
                .isEqualTo(1);
        assertThat(Api.as("staff")
                        .get("/api/v1/admin/loyalty/accounts/{a}", account)
                        .<String>path("tier"))
                .isEqualTo("silver");
    }

    private static void spend(Connection db, String account, long amount, Instant paidAt) throws SQLException {
        try (var s = db.prepareStatement("INSERT INTO loyalty_spend (account, order_id, currency, amount, paid_at)"
                + " VALUES (?, ?, 'EUR', ?, ?)")) {
            s.setString(1, account);
            s.setLong(2, -Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) - 1);
            s.setLong(3, amount);
            s.setObject(4, java.sql.Timestamp.from(paidAt));
            s.executeUpdate();
        }
    }

    @Test
    void entriesComeNewestFirstInKeysetPagesBoundToTheirOwner() {
        Accounts.Login customer = Accounts.customer();
        String account = account(customer);
        for (long points = 1; points <= 5; points++) {
            grant(account, points);
        }

        Response first = customer.api().queryParam("limit", 2).get("/api/v1/me/loyalty/entries");
        first.then().statusCode(200);
        assertThat(first.jsonPath().getList("items.points", Integer.class)).containsExactly(5, 4);
        String cursor = first.path("nextCursor");
        assertThat(cursor).isNotBlank();
        assertThat(first.header("Link")).contains("rel=\"next\"").contains("limit=2");

        Response second = customer.api()
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/v1/me/loyalty/entries");
        assertThat(second.jsonPath().getList("items.points", Integer.class)).containsExactly(3, 2);
        Response last = customer.api()
                .queryParam("limit", 2)
                .queryParam("cursor", second.<String>path("nextCursor"))
                .get("/api/v1/me/loyalty/entries");
        assertThat(last.jsonPath().getList("items.points", Integer.class)).containsExactly(1);
        assertThat(last.<String>path("nextCursor")).isNull();
        assertThat(last.header("Link")).isNull();

        Response stolen = Accounts.customer().api().queryParam("cursor", cursor).get("/api/v1/me/loyalty/entries");
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(stolen.contentType()).startsWith("application/problem+json");
        assertThat(stolen.<String>path("type")).isEqualTo("/problems/invalid-request");

        for (String limit : List.of("0", "101", "-1", "abc", "1.5", "99999999999999999999")) {
            Response bad = customer.api().queryParam("limit", limit).get("/api/v1/me/loyalty/entries");
            assertThat(bad.statusCode()).as("limit=" + limit).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
        }
        Response garbage = customer.api().queryParam("cursor", "not-a-cursor").get("/api/v1/me/loyalty/entries");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.<String>path("type")).isEqualTo("/problems/invalid-request");
    }

    @Test
    void staffAdjustmentsAreAuditedWithTheActorAndReason() {
        String account = account(Accounts.customer());
        String staff = Api.unique("staff");
        String token = com.emporium.testsupport.Tokens.sign(staff, List.of("staff"), b -> b);
        Api.anonymous()
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("points", -25, "reason", "goodwill withdrawn"))
                .post("/api/v1/admin/loyalty/accounts/{a}/adjustments", account)
                .then()
                .statusCode(200);
        Api.anonymous()
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("points", 10))
                .post("/api/v1/admin/loyalty/accounts/{a}/adjustments", account)
                .then()
                .statusCode(400);

        Response audit = Api.admin()
                .queryParam("type", "loyalty.adjusted")
                .queryParam("actor", staff)
                .get("/api/v1/admin/audit");
        audit.then().statusCode(200);
        assertThat(CheckoutSupport.queryLong(
                        "SELECT count(*) FROM audit_event WHERE type = 'loyalty.adjusted' AND actor = ?"
                                + " AND subject = ? AND detail = 'points -25: goodwill withdrawn'",
                        staff,
                        account))
                .as("one audit row for the adjustment, none for the one refused without a reason")
                .isEqualTo(1);
        assertThat(audit.asString()).contains(account).contains("goodwill withdrawn");
        assertThat(kinds(account)).containsExactly("ADJUST");
    }

    @Test
    void pointCountersAndTheLiabilityGaugeMove() throws Exception {
        Map<String, Double> before = loyaltyMetrics();
        Accounts.Login customer = Accounts.customer();
        String account = account(customer);
        grant(account, 1000);
        Eventually.await(
                "the EUR liability counts the 1,000 points granted",
                Duration.ofSeconds(10),
                () -> loyaltyMetrics().get("liability_EUR") >= before.get("liability_EUR") + 1000);

        String sku = CheckoutSupport.stockedSku(5, 5000);
        Response order = CheckoutSupport.placeAsCustomer(
                customer, sku, 1, 300L, UUID.randomUUID().toString());
        order.then().statusCode(201);
        customer.api()
                .contentType("application/json")
                .body(Map.of("provider", "test"))
                .post("/api/v1/orders/{id}/payments", order.jsonPath().getLong("id"))
                .then()
                .statusCode(200);
        String expiring = Long.toString(Accounts.customer().id());
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "")) {
            db.createStatement()
                    .execute("INSERT INTO loyalty_account (account, points_total, next_expiry) VALUES ('" + expiring
                            + "', 70, now() - interval '1 day')");
            Instant now = Instant.now();
            insert(db, expiring, "ADJUST", 70, now.minus(400, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        }
        Api.admin().post("/api/v1/admin/loyalty/expiry").then().statusCode(200);

        Map<String, Double> after = loyaltyMetrics();
        assertThat(after.get("earned")).isGreaterThanOrEqualTo(before.get("earned") + 1);
        assertThat(after.get("redeemed")).isGreaterThanOrEqualTo(before.get("redeemed") + 300);
        assertThat(after.get("expired")).isGreaterThanOrEqualTo(before.get("expired") + 70);
    }

    /** This server's loyalty series from /metrics, by short name. */
    private static Map<String, Double> loyaltyMetrics() {
        String text = Api.anonymous().accept("text/plain").get("/metrics").asString();
        Map<String, Double> values = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            var m = java.util.regex.Pattern.compile(
                            "^emporium_loyalty_(points_earned_total|points_redeemed_total|points_expired_total|liability)"
                                    + "\\{([^}]*)\\} (\\S+)$")
                    .matcher(line);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1).replace("points_", "").replace("_total", "");
            var currency =
                    java.util.regex.Pattern.compile("currency=\"([A-Z]{3})\"").matcher(m.group(2));
            if (currency.find()) {
                name = name + "_" + currency.group(1);
            }
            values.put(name, Double.parseDouble(m.group(3)));
        }
        assertThat(values).containsKeys("earned", "redeemed", "expired", "liability_EUR", "liability_GBP");
        return values;
    }

    private static void insert(
            Connection db, String account, String kind, long points, Instant available, Instant expires)
            throws SQLException {
        try (var s =
                db.prepareStatement("INSERT INTO loyalty_entry (account, kind, points, actor, reason, available_at,"
                        + " expires_at, created_at) VALUES (?, ?, ?, 'it', 'test lot', ?, ?, ?)")) {
            s.setString(1, account);
            s.setString(2, kind);
            s.setLong(3, points);
            s.setObject(4, java.sql.Timestamp.from(available));
            s.setObject(5, expires == null ? null : java.sql.Timestamp.from(expires));
            s.setObject(6, java.sql.Timestamp.from(available));
            s.executeUpdate();
        }
    }

    private static List<String> kinds(String account) {
        List<String> kinds = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "");
                var s = db.prepareStatement("SELECT kind FROM loyalty_entry WHERE account = ? ORDER BY id")) {
            s.setString(1, account);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return kinds;
    }

    private static <T> List<T> race(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
