package com.emporium.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The storefront served by the test server, driven through headless Chromium: each test is a shopper
 * with a fresh browser (no cookies, no storage) and data of its own.
 */
class StorefrontBrowserIT {
    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private List<String> cardNames() {
        return browser.texts("#products .product-link");
    }

    @Test
    void aCategoryIsBrowsedPageByPageAndFilteredByPrice() {
        String category = CatalogFixture.category(null);
        for (int i = 0; i < 14; i++) {
            ShopFixture.product(category, String.format("Browse item %02d", i), 1000 + i);
        }
        browser.open(Api.BASE_URL + "/");
        browser.visible(By.linkText("Category " + category)).click();
        browser.heading("Category " + category);
        browser.waitFor(d -> cardNames().size() == 12);
        List<String> first = cardNames();
        browser.screenshot("category");

        browser.visible(By.id("next-page")).click();
        browser.waitFor(d -> cardNames().size() == 2);
        Set<String> all = new HashSet<>(first);
        all.addAll(cardNames());
        assertThat(all).hasSize(14).allMatch(name -> name.startsWith("Browse item "));
        assertThat(browser.all(By.id("next-page"))).isEmpty();

        browser.visible(By.linkText("First page")).click();
        browser.waitFor(d -> cardNames().size() == 12);
        browser.type(By.id("max-price"), "10.05");
        new Select(browser.visible(By.id("sort"))).selectByValue("-price");
        browser.visible(By.cssSelector("#filters button[type=submit]")).click();
        browser.waitFor(d -> cardNames().size() == 6);
        assertThat(cardNames())
                .containsExactly(
                        "Browse item 05",
                        "Browse item 04",
                        "Browse item 03",
                        "Browse item 02",
                        "Browse item 01",
                        "Browse item 00");
        assertThat(browser.driver().getCurrentUrl()).contains("maxPrice=1005").contains("sort=-price");
    }

    @Test
    void searchFindsTheExactWordAndForgivesATypo() {
        String category = CatalogFixture.category(null);
        String name = "Kaleidoscope " + Api.unique("brass");
        ShopFixture.product(category, name, 4500);
        browser.open(Api.BASE_URL + "/");

        browser.type(By.id("search-q"), "kaleidoscope");
        browser.visible(By.id("search-q")).sendKeys(Keys.ENTER);
        browser.heading("Results for “kaleidoscope”");
        browser.waitFor(d -> cardNames().contains(name));

        browser.type(By.id("search-q"), "kaleidoscpe");
        browser.visible(By.id("search-q")).sendKeys(Keys.ENTER);
        browser.heading("Results for “kaleidoscpe”");
        browser.waitFor(d -> cardNames().contains(name));
        browser.screenshot("search");

        browser.type(By.id("search-q"), "xylophonequartz");
        browser.visible(By.id("search-q")).sendKeys(Keys.ENTER);
        browser.visible(By.id("no-results"));
    }

    @Test
    void theStockBadgeFollowsStaffChangesLive() {
        String category = CatalogFixture.category(null);
        ShopFixture.Item item = ShopFixture.product(category, "Live lantern " + Api.unique("l"), 3900);
        browser.open(Api.BASE_URL + "/#/p/" + item.slug());
        browser.heading(item.name());
        assertThat(badgeText()).isEqualTo("Out of stock");
        assertThat(browser.visible(By.id("add-to-cart")).isEnabled()).isFalse();

        ShopFixture.receive(item.sku(), 100);
        browser.waitFor(d -> badgeText().equals("In stock"));
        assertThat(browser.visible(By.id("add-to-cart")).isEnabled()).isTrue();
        browser.screenshot("product");

        ShopFixture.adjust(item.sku(), -100);
        browser.waitFor(d -> badgeText().equals("Out of stock"));
        assertThat(browser.visible(By.id("add-to-cart")).isEnabled()).isFalse();
    }

    private String badgeText() {
        return browser.visible(By.cssSelector("#stock .badge")).getText();
    }

    @Test
    void aShopperRegistersStaysSignedInAcrossReloadsAndSignsOut() {
        String email = Accounts.uniqueEmail("shopper");
        browser.open(Api.BASE_URL + "/#/signin");
        browser.heading("Sign in");
        browser.type(By.id("register-email"), email);
        browser.type(By.id("register-password"), Accounts.PASSWORD);
        browser.screenshot("sign-in");
        browser.visible(By.cssSelector("#register button[type=submit]")).click();
        browser.heading("Your account");
        assertThat(browser.visible(By.id("account-email")).getText()).isEqualTo(email);
        assertThat(browser.visible(By.id("account-link")).getText()).isEqualTo("Account");

        // The access token lived in memory only: after a reload the refresh cookie brings the session back.
        browser.driver().navigate().refresh();
        browser.waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        browser.heading("Your account");
        assertThat(browser.visible(By.id("account-email")).getText()).isEqualTo(email);
        assertThat(browser.driver().manage().getCookieNamed("__Host-emporium-refresh"))
                .isNotNull()
                .satisfies(c -> assertThat(c.isHttpOnly()).isTrue());
        browser.screenshot("account");

        browser.visible(By.id("sign-out")).click();
        browser.waitFor(d -> browser.visible(By.id("account-link")).getText().equals("Sign in"));
        assertThat(browser.driver().manage().getCookieNamed("__Host-emporium-refresh"))
                .isNull();
        browser.driver().navigate().refresh();
        browser.waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(browser.visible(By.id("account-link")).getText()).isEqualTo("Sign in");

        browser.visible(By.id("account-link")).click();
        browser.type(By.id("signin-email"), email);
        browser.type(By.id("signin-password"), Accounts.PASSWORD);
        browser.visible(By.cssSelector("#signin button[type=submit]")).click();
        browser.heading("Your account");
        assertThat(browser.visible(By.id("account-email")).getText()).isEqualTo(email);
    }

    @Test
    void aWrongPasswordIsShownAsTheApisProblem() {
        browser.open(Api.BASE_URL + "/#/signin");
        browser.type(By.id("signin-email"), Accounts.uniqueEmail("nobody"));
        browser.type(By.id("signin-password"), "not the right password");
        browser.visible(By.cssSelector("#signin button[type=submit]")).click();
        WebElement alert = browser.visible(By.cssSelector("#signin .problem[role=alert]"));
        assertThat(alert.getText()).isNotBlank();
        assertThat(browser.visible(By.id("account-link")).getText()).isEqualTo("Sign in");
    }

    @Test
    void aGuestBuysWithTheTestProviderAndSeesTheConfirmation() {
        String category = CatalogFixture.category(null);
        ShopFixture.Item item = ShopFixture.product(category, "Checkout kettle " + Api.unique("k"), 2500);
        ShopFixture.receive(item.sku(), 10);
        browser.open(Api.BASE_URL + "/#/p/" + item.slug());
        browser.heading(item.name());
        browser.waitFor(d -> badgeText().equals("In stock"));
        browser.type(By.id("quantity"), "2");
        browser.visible(By.id("add-to-cart")).click();
        browser.waitFor(d -> browser.visible(By.id("cart-count")).getText().equals("2"));

        browser.visible(By.id("cart-link")).click();
        browser.heading("Your cart");
        WebElement line = browser.visible(By.cssSelector("#cart-lines tr[data-sku='" + item.sku() + "']"));
        assertThat(line.getText()).contains(item.name());
        browser.screenshot("cart");
        browser.visible(By.id("to-checkout")).click();

        browser.heading("Checkout");
        browser.type(By.id("co-email"), "erika@example.com");
        browser.type(By.id("co-name"), "Erika Mustermann");
        browser.type(By.id("co-line1"), "Heidestrasse 17");
        browser.type(By.id("co-city"), "Koeln");
        browser.type(By.id("co-postalCode"), "51147");
        new Select(browser.visible(By.id("co-country"))).selectByValue("DE");
        browser.visible(By.id("ship-eu-standard"));
        browser.screenshot("checkout");
        browser.visible(By.id("place-order")).click();

        browser.heading("Thank you for your order");
        long orderId = Long.parseLong(browser.visible(By.id("order-id")).getText());
        assertThat(browser.visible(By.id("order-state")).getText()).contains("paid");
        assertThat(browser.visible(By.id("cart-count")).getText()).isEqualTo("0");
        browser.screenshot("confirmation");

        assertThat(CatalogFixture.count(
                        "SELECT count(*) FROM customer_order WHERE id = ? AND state = 'PAID' AND email = ?",
                        orderId,
                        "erika@example.com"))
                .isEqualTo(1);
        assertThat(CatalogFixture.count(
                        "SELECT coalesce(sum(quantity), 0) FROM order_line WHERE order_id = ? AND sku = ?",
                        orderId,
                        item.sku()))
                .isEqualTo(2);
    }
}
