package com.emporium.storefront;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium through Selenium, from the system's packages (Debian's chromium and
 * chromium-driver; .ci/run installs them). Without them the browser tests are skipped with the
 * reason, never silently passed. No driver is downloaded at test time.
 */
final class Browser implements AutoCloseable {
    // A bound, not a pause: generous because the test machine may be shared and slow.
    static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        // A timeout says what the page showed, so a failure in CI can be read without a rerun.
        this.wait = new WebDriverWait(driver, WAIT);
        this.wait.withMessage(this::pageText);
        // The page re-renders on live events (the stock badge): an element found a moment ago may be
        // replaced before it is read, and the next poll finds the new one.
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    static Browser start() {
        Optional<Path> chromium = firstExisting(
                System.getenv("CHROME_BIN"),
                "/usr/bin/chromium",
                "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome");
        Optional<Path> chromedriver =
                firstExisting(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        // The README's test command must pass on a machine with only a JDK; a browser is an extra the
        // issue allows to be missing there. CI installs Chromium (.ci/run), so these tests always run in CI.
        assumeTrue(
                chromium.isPresent() && chromedriver.isPresent(),
                "Browser tests skipped: no Chromium and chromedriver installed"
                        + " (apt-get install chromium chromium-driver, as .ci/run does)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // test containers run as root, where Chromium's sandbox cannot start
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1000",
                // Product images of the demo data name a host that does not exist: fail at once, offline.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    private static Optional<Path> firstExisting(String... candidates) {
        return Stream.of(candidates)
                .filter(c -> c != null && !c.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    private String pageText() {
        try {
            return "the page at " + driver.getCurrentUrl() + " shows: "
                    + driver.executeScript("return document.body.innerText");
        } catch (RuntimeException e) {
            return "the page could not be read: " + e.getMessage();
        }
    }

    /** The texts of all matching elements, read in one step so a re-render cannot go stale halfway. */
    @SuppressWarnings("unchecked")
    List<String> texts(String cssSelector) {
        return (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim())",
                cssSelector);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page and waits until the storefront has rendered its first view. */
    void open(String url) {
        driver.get(url);
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    WebElement heading(String text) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//main/h1[normalize-space()=" + quoted(text) + "]")));
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    void type(By locator, String text) {
        WebElement field = visible(locator);
        field.clear();
        field.sendKeys(text);
    }

    /** Saves what the browser shows to target/screenshots/NAME.png. */
    void screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path dir = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
