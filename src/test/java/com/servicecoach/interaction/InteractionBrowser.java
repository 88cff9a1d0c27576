package com.servicecoach.interaction;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Headless Chromium for browser tests (stack.md, "Browser tests"): Debian's chromium and chromium-driver, a fresh
 * profile per browser, nothing downloaded at run time. {@link #open} skips the test, saying why, when
 * /usr/bin/chromedriver is absent.
 */
final class InteractionBrowser implements AutoCloseable {

    static final File DRIVER = new File("/usr/bin/chromedriver");

    final WebDriver driver;
    private final String base;
    private final Path profile;

    private InteractionBrowser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    static InteractionBrowser open(String baseUrl) {
        Assumptions.assumeTrue(DRIVER.canExecute(),
                "Browser test skipped: /usr/bin/chromedriver is absent (apt-get install -y chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            if (new File("/usr/bin/chromium").canExecute()) {
                options.setBinary("/usr/bin/chromium");
            }
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1280,4200", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
            return new InteractionBrowser(new ChromeDriver(service, options), baseUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void get(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).until(condition::apply);
    }

    void signIn(String username, String password) {
        get("/login");
        find("input[name=username]").sendKeys(username);
        find("input[name=password]").sendKeys(password);
        find("form button[type=submit], form input[type=submit]").click();
        waitFor(Duration.ofSeconds(10), d -> !d.getCurrentUrl().contains("/login"));
    }

    /** A screenshot, for looking at a page while developing (written under target/). */
    void screenshot(String name) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile does no harm
        }
    }
}
