package com.bigbox.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.Tools;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, driven by its chromedriver: Selenium Manager never goes to the network)
 * with a fresh profile, signed in to the dashboard as one user. Screenshots go to target/screenshots.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // A hang guard, not a speed bound: with simulations or other engines' tests on the two cores a page has taken
    // more than 20 s to draw; one that never draws still fails.
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern EXPECTED_REFUSAL =
            Pattern.compile("/api/v1/reviews/weekly - Failed to load resource: .* 404");

    final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    public Browser(String baseUrl) throws IOException {
        Tools.require(CHROMIUM, "Chromium (e.g. apt-get install chromium)");
        Tools.require(CHROMEDRIVER, "its driver (e.g. apt-get install chromium-driver)");
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("bigbox-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--window-size=1440,1000",
                "--user-data-dir=" + profile);
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    void open(String hash) {
        driver.get(baseUrl + "/" + hash);
    }

    public void signIn(String email, String password) {
        open("");
        WebElement form = waitFor(By.id("signin-form"));
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("signed-in-as"));
    }

    /** Goes to a page through the menu's hash, without reloading the document. */
    public void go(String hash) {
        script("delete document.getElementById('page').dataset.ready; location.hash = arguments[0]", hash);
        new WebDriverWait(driver, WAIT)
                .until(d -> hash.startsWith("#/" + d.findElement(By.id("page")).getDomAttribute("data-ready")));
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Clicks {@code button} inside the element {@code within} finds, finding both again when a live page has just
     * re-rendered the element under the click.
     */
    public void click(By within, By button) {
        new WebDriverWait(driver, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage("clicking " + button + " in " + within)
                .until(d -> {
                    d.findElement(within).findElement(button).click();
                    return true;
                });
    }

    public void waitUntil(String description, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(description).until(condition);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Marks the loaded document; the mark is gone if the page reloads. */
    void markDocument() {
        script("window.__bigboxMark = 'still the same document'");
    }

    boolean sameDocument() {
        return "still the same document".equals(script("return window.__bigboxMark"));
    }

    /** Waits for the page's data (charts and tables drawn, nothing loading), then saves a screenshot. */
    Path screenshot(String name) {
        try {
            waitUntil(
                    "page " + name + " rendered",
                    d -> d.findElement(By.id("page")).getDomAttribute("data-ready") != null
                            && (Boolean)
                                    script(
                                            "return [...document.querySelectorAll('.chart')].every(c => c.querySelector('canvas'))"));
        } catch (org.openqa.selenium.TimeoutException e) {
            save(name + "-not-rendered");
            throw new AssertionError(
                    name + " did not render; console: " + consoleErrors() + "; still waiting: " + unfinished(), e);
        }
        return save(name);
    }

    // What keeps a page from being ready: whether it says it is, and the charts drawn without a canvas.
    private String unfinished() {
        try {
            return String.valueOf(script("const page = document.getElementById('page');"
                    + "return 'data-ready=' + page.getAttribute('data-ready') + ', charts without canvas: '"
                    + " + [...document.querySelectorAll('.chart')].filter(c => !c.querySelector('canvas'))"
                    + ".map(c => c.closest('.card')?.querySelector('h2,h3')?.textContent ?? c.outerHTML.slice(0, 80))"
                    + ".join(' | ');"));
        } catch (RuntimeException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    private Path save(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The browser console's errors since the last call (a failed request, an exception in a module), less the
     * refusal the dashboard expects: 404 from the weekly review (not served yet). A trust score is asked for
     * only once the client has a health record, and the Tables page only for tables the user may read.
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !EXPECTED_REFUSAL.matcher(message).find())
                .toList();
    }

    void assertNoErrorsShown(String page) {
        assertThat(driver.findElements(By.cssSelector("#page .notice.error")))
                .as("errors shown on %s", page)
                .extracting(WebElement::getText)
                .isEmpty();
        assertThat(driver.findElement(By.id("page")).getText())
                .as("values that never made it onto %s", page)
                .doesNotContainPattern("\\b(null|undefined|NaN)\\b|\\[object Object\\]");
        assertThat(consoleErrors()).as("console errors on %s", page).isEmpty();
    }

    Map<String, Object> session() {
        @SuppressWarnings("unchecked")
        var session = (Map<String, Object>) script("return JSON.parse(sessionStorage.getItem('bigbox.session'))");
        return session;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
