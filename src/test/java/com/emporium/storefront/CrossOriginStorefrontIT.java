package com.emporium.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import com.emporium.testsupport.CatalogFixture;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The storefront on another origin than the API, the case of a separate frontend: catalog reads over
 * CORS, browser-mode sign-in with the API's cookies and the CSRF header, a session that survives a
 * reload, and live stock over a cross-origin EventSource.
 */
class CrossOriginStorefrontIT {
    private Browser browser;
    private SecondOrigin shop;

    @BeforeEach
    void start() throws IOException {
        browser = Browser.start();
        shop = SecondOrigin.serve(
                Path.of(System.getProperty("it.storefront.files")).toAbsolutePath(),
                Integer.getInteger("it.storefront.port"),
                Api.BASE_URL);
    }

    @AfterEach
    void stop() {
        if (shop != null) {
            shop.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void signInSessionAndLiveStockWorkFromAnotherOrigin() {
        assertThat(shop.origin()).isNotEqualTo(Api.BASE_URL);
        String category = CatalogFixture.category(null);
        ShopFixture.Item item = ShopFixture.product(category, "Faraway lamp " + Api.unique("f"), 1800);

        browser.open(shop.origin() + "/#/c/" + category);
        browser.heading("Category " + category);
        browser.waitFor(d -> browser.all(By.linkText(item.name())).size() == 1);

        String email = Accounts.uniqueEmail("faraway");
        browser.visible(By.id("account-link")).click();
        browser.type(By.id("register-email"), email);
        browser.type(By.id("register-password"), Accounts.PASSWORD);
        browser.visible(By.cssSelector("#register button[type=submit]")).click();
        browser.heading("Your account");
        assertThat(browser.visible(By.id("account-email")).getText()).isEqualTo(email);

        browser.driver().navigate().refresh();
        browser.waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        browser.heading("Your account");
        assertThat(browser.visible(By.id("account-email")).getText()).isEqualTo(email);
        assertThat(browser.driver().getCurrentUrl()).startsWith(shop.origin());

        browser.driver().get(shop.origin() + "/#/p/" + item.slug());
        browser.heading(item.name());
        browser.waitFor(d -> badge().equals("Out of stock"));
        ShopFixture.receive(item.sku(), 50);
        browser.waitFor(d -> badge().equals("In stock"));
        browser.screenshot("cross-origin-product");

        browser.visible(By.id("account-link")).click();
        browser.visible(By.id("sign-out")).click();
        browser.waitFor(d -> browser.visible(By.id("account-link")).getText().equals("Sign in"));
        browser.driver().navigate().refresh();
        browser.waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(browser.visible(By.id("account-link")).getText()).isEqualTo("Sign in");
    }

    private String badge() {
        return browser.visible(By.cssSelector("#stock .badge")).getText();
    }
}
