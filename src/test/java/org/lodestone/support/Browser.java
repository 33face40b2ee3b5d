package org.lodestone.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromedriver}) for {@code *BrowserTests}. Never lets
 * Selenium download a driver. Without the binaries the tests are skipped, except under CI, where they fail.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = env("LODESTONE_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = env("LODESTONE_CHROMEDRIVER", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path userDataDir;

    private Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        this.userDataDir = Files.createTempDirectory("lodestone-chromium");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-quic",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + userDataDir);
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Opens a browser against the application at {@code http://localhost:port}. */
    public static Browser open(int port) {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(
                        "chromium/chromedriver missing: install Debian's chromium and chromium-driver");
            }
            Assumptions.abort("chromium/chromedriver not installed; skipping browser test");
        }
        try {
            return new Browser("http://localhost:" + port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Text of the whole page body. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Logs in through the real login form. */
    public Browser login(String username, String password) {
        go("/login");
        type("input[name=username]", username);
        type("input[name=password]", password);
        click("button[type=submit]");
        return this;
    }

    /** Saves a PNG of the current page (used for the user guide's screenshots) and returns its path. */
    public Path screenshot(Path target) {
        try {
            Files.createDirectories(target.getParent());
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(target, png);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(userDataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temporary profile; nothing to keep
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
