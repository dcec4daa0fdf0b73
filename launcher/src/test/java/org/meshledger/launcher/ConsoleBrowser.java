package org.meshledger.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both named explicitly, so Selenium never looks
 * for (or downloads) a browser or a driver of its own.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final String origin;

    ConsoleBrowser(int port) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--disable-extensions",
                        // a starved renderer must not be put to sleep as if in the background
                        "--disable-renderer-backgrounding",
                        "--disable-background-timer-throttling",
                        "--disable-backgrounding-occluded-windows",
                        "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("SE_OFFLINE", "true"))
                .build();
        driver = new ChromeDriver(service, options);
        // generous: on 2 cores a full suite can starve the renderer for a while (and see open)
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(45));
        origin = "http://127.0.0.1:" + port;
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Loads the page, once more if Chromium's renderer never answered the first time: a fault of a starved headless
     * renderer on a busy machine ("Timed out receiving message from renderer"), not of the page.
     */
    void open(String path) {
        try {
            driver.get(origin + path);
        } catch (TimeoutException rendererSilent) {
            driver.get(origin + path);
        }
    }

    /** Signs in through the sign-in page, as a person would: pick the identity's radio button, press the button. */
    void signInAs(String role) {
        driver.manage().deleteAllCookies();
        open("/ui/");
        driver.findElement(By.xpath("//label[strong[text()='" + role + "']]")).click();
        press(By.cssSelector("main form button[type=submit]"));
    }

    /** Clicks what submits a form or follows a link, and waits for the next page to replace this one. */
    void press(By what) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(what).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    /** Waits, at most {@code patience}, until the element holds {@code text}: what a live part shows without a reload. */
    void awaitText(String css, String text, Duration patience) {
        new WebDriverWait(driver, patience, Duration.ofMillis(50))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** The session cookie the browser holds, so a test can fetch what a link downloads as this person would. */
    String sessionCookie() {
        return driver.manage().getCookieNamed("SESSION").getValue();
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    void screenshot(String name) {
        save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** A picture of one part of the page, scrolled into view: what lies below the fold on a full screenshot. */
    void screenshotOf(String css, String name) {
        save(name, driver.findElement(By.cssSelector(css)).getScreenshotAs(OutputType.BYTES));
    }

    private static void save(String name, byte[] png) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
