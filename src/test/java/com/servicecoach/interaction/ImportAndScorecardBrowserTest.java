package com.servicecoach.interaction;

import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: a supervisor uploads a file on the import page, sees the progress bar and the result (with
 * the link to the rejected rows), then opens an agent's scorecard and follows a figure to its interactions.
 */
@MicronautTest(transactional = false)
class ImportAndScorecardBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
    }

    @Test
    void supervisorUploadsAFileSeesTheResultAndOpensAnAgentsScorecard() throws Exception {
        StringBuilder csv = new StringBuilder(ImportHttp.HEADER).append('\n');
        for (int i = 1; i <= 300; i++) {
            String day = String.format("2026-03-%02d", 2 + i % 5);
            csv.append("BR-").append(i).append(i % 2 == 0 ? ",N1" : ",N2").append(",chat,logistics,").append(day).append("T10:00:00,")
                    .append(day).append(i % 3 == 0 ? "T10:05:00," : "T10:00:30,").append(day).append("T10:30:00,")
                    .append(i % 4 == 0 ? "6" : "9").append(",,\n");
        }
        csv.append("BR-S,S1,chat,logistics,2026-03-03T10:00:00,,,,,\n");   // another team's agent: rejected
        csv.append("BR-X,N1,fax,logistics,2026-03-03T10:00:00,,,,,\n");    // unknown channel: rejected
        Path file = Files.createTempFile("upload-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.signIn("sup.north", Fixtures.PASSWORD);
            browser.go("/interactions/import");
            browser.find("#file").sendKeys(file.toAbsolutePath().toString());
            browser.find("#import-submit").click();

            waitFor(browser, Duration.ofSeconds(30), d -> "done".equals(d.findElement(By.id("import-progress")).getAttribute("data-status")));
            assertTrue(browser.find("#import-progress").isDisplayed(), "the progress panel is shown");
            assertEquals("100", browser.find("#import-bar").getAttribute("value"));
            assertTrue(browser.find("#import-status").getText().startsWith("Finished: 302 rows read, 300 stored, 2 rejected"),
                    browser.find("#import-status").getText());
            assertEquals("300", browser.find("#n-inserted").getText());
            assertEquals("2", browser.find("#n-rejected").getText());
            assertTrue(browser.find("#import-rejected-link").isDisplayed());
            // the first rejected rows, with their reasons, on the upload page itself; "Recent imports" refreshed
            waitFor(browser, Duration.ofSeconds(10), d -> d.findElement(By.id("import-first-errors")).isDisplayed());
            String first = browser.find("#import-first-errors").getText();
            assertTrue(first.contains("302 agent: 'S1' is not an agent of a team you lead")
                    && first.contains("303 channel: 'fax'"), first);
            waitFor(browser, Duration.ofSeconds(10), d -> d.findElement(By.id("recent-imports")).getText().contains(file.getFileName().toString()));

            browser.find("#import-result-link").click();
            waitFor(browser, Duration.ofSeconds(10), d -> d.findElements(By.id("import-errors")).size() > 0);
            String errors = browser.find("#import-errors").getText();
            assertTrue(errors.contains("'S1' is not an agent of a team you lead") && errors.contains("channel: 'fax'"), errors);

            browser.go("/scorecards/agents/N1?from=2026-03-02&to=2026-03-08");
            assertEquals("150", browser.find("#fig-interactions .value").getText());
            // every 3rd of N1's (even-numbered) rows was answered after 5 minutes: 50 of 150 breached
            assertEquals("66.7 %", browser.find("#fig-firstResponseSla .value").getText());
            waitFor(browser, Duration.ofSeconds(10), d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('trend-chart')) !== undefined"));

            browser.find("#fig-firstResponseSla .value").click();
            waitFor(browser, Duration.ofSeconds(10), d -> d.getCurrentUrl().contains("breached=first_response"));
            assertTrue(browser.find(".pager, p.muted").getText().contains("50"), browser.find(".pager, p.muted").getText());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static <T> T waitFor(Browser browser, Duration timeout, java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), timeout).until(condition::apply);
    }
}
