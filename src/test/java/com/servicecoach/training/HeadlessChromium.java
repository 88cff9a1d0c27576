package com.servicecoach.training;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's headless Chromium through /usr/bin/chromedriver, for the training browser tests. Nothing is
 * downloaded; where the driver is not installed the test is skipped with a message saying so.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String DRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    static HeadlessChromium start(String baseUrl) {
        Assumptions.assumeTrue(new File(DRIVER).canExecute(), "Skipping the browser test: " + DRIVER
                + " is not installed (apt-get install chromium chromium-driver; .ci/run installs them)");
        try {
            Path profile = Files.createTempDirectory("training-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1280,1000", "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
            return new HeadlessChromium(new ChromeDriver(service, options), baseUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HeadlessChromium open(String path) {
        driver.get(base + path);
        element("body");
        return this;
    }

    WebElement element(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    String text(String css) {
        return element(css).getText();
    }

    HeadlessChromium fill(String css, String value) {
        WebElement e = element(css);
        e.clear();
        e.sendKeys(value);
        return this;
    }

    /** Sets an input's value directly (date inputs take typed text in the browser's locale format). */
    HeadlessChromium set(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", element(css), value);
        return this;
    }

    HeadlessChromium choose(String selectCss, String value) {
        new org.openqa.selenium.support.ui.Select(element(selectCss)).selectByValue(value);
        return this;
    }

    /** Clicks something that loads another page and waits for that page. */
    HeadlessChromium follow(String css) {
        WebElement old = driver.findElement(By.tagName("html"));
        element(css).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(old));
        element("body");
        return this;
    }

    HeadlessChromium signIn(String username, String password) {
        open("/login");
        fill("#username", username);
        fill("#password", password);
        follow("main button[type=submit]");
        return this;
    }

    String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getRawQuery();
    }

    /** Keeps a screenshot in target/screenshots for a person to look at. */
    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile does no harm
        }
    }
}
