package com.servicecoach.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Headless Debian Chromium driven by Selenium through /usr/bin/chromedriver (installed by .ci/run; nothing
 * is downloaded). Browser tests are skipped, with this message, only where the driver is absent.
 */
public final class Browser implements AutoCloseable {

    public static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public static Browser open(String baseUrl) {
        Assumptions.assumeTrue(new File(DRIVER).canExecute(),
                "Browser tests skipped: " + DRIVER + " is absent (apt-get install chromium chromium-driver, as .ci/run does)");
        try {
            File profile = Files.createTempDirectory("sc-chromium").toFile();
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile.getAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
            return new Browser(new ChromeDriver(service, options), baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
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

    /** Clicks something that loads a new page, and waits until the new page is there. */
    public Browser clickAndWait(String css) {
        // mark the current page; the next page has no mark. (Asking the old page's elements whether they
        // are stale can fail outright in Chromium once the document is gone.)
        driver.executeScript("window.__scOldPage = true;");
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return window.__scOldPage === undefined && document.readyState === 'complete';")));
        find("body");
        return this;
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Picks an option of a select by its value. */
    public Browser choose(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
        return this;
    }

    /** Sets an input's value directly (date inputs otherwise want text in the browser's locale format). */
    public Browser setValue(String css, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", find(css), value);
        return this;
    }

    /** The current path with its query string, if any. */
    public String pathAndQuery() {
        java.net.URI uri = java.net.URI.create(driver.getCurrentUrl());
        return uri.getRawQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getRawQuery();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    public Browser signIn(String username, String password) {
        go("/login");
        type("#username", username);
        type("#password", password);
        clickAndWait("button[type=submit]");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !java.net.URI.create(d.getCurrentUrl()).getPath().equals("/login"));
        return this;
    }

    /** Saves a screenshot under target/screenshots, for a person to look at. */
    public void screenshot(String name) {
        try {
            File shot = driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE);
            File dir = new File("target/screenshots");
            dir.mkdirs();
            Files.copy(shot.toPath(), new File(dir, name + ".png").toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
