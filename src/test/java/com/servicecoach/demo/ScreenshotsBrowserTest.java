package com.servicecoach.demo;

import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import com.servicecoach.training.TrainingContent;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main pages as each role sees them with the demo data, in a real browser at 1366 px: each must render its
 * heading without an error, and is saved as a PNG. The README's screenshots are these, made with
 * {@code mvn test -Dtest=ScreenshotsBrowserTest -Dscreenshots.dir=src/docs/screenshots}; without the property
 * they go to target/screenshots.
 */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "servicecoach.demo.password", value = Fixtures.PASSWORD)
class ScreenshotsBrowserTest {

    @Inject
    DataSource dataSource;
    @Inject
    TrainingContent content;
    @Inject
    DemoData demo;
    @Inject
    DemoInteractions interactions;
    @Inject
    DemoSurveys surveys;
    @Inject
    com.servicecoach.survey.SurveyLinks links;
    @Inject
    EmbeddedServer server;

    record Shot(String user, String path, String file, String lang) {
    }

    static final List<Shot> SHOTS = List.of(
            new Shot("sup.li", "/", "supervisor-home", "en"),
            new Shot("sup.li", "/scorecards", "scorecards-overview", "en"),
            new Shot("sup.li", "/attention", "needs-attention", "en"),
            new Shot("sup.li", "/agents/A001", "agent-page", "en"),
            new Shot("sup.li", "/scorecards/teams/Team%20A", "team-scorecard", "en"),
            new Shot("sup.li", "/training-matrix", "training-matrix", "en"),
            new Shot("hr.zhou", "/reports/last-month", "hr-report", "en"),
            new Shot("hr.zhou", "/training/impact", "training-impact", "en"),
            new Shot("hr.zhou", "/surveys", "customer-surveys", "en"),
            new Shot("agent.wang", "/scorecards/me", "agent-scorecard-zh", "zh-CN"));

    @Test
    void theMainPagesRenderForEachRoleAndAreSaved() throws IOException {
        TestDatabase.clean(dataSource);
        content.reload();
        demo.onApplicationEvent(null);
        interactions.onApplicationEvent(null);
        surveys.onApplicationEvent(null);
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        List<String> saved = new ArrayList<>();
        for (Shot shot : SHOTS) {
            try (Browser browser = Browser.open(server.getURL().toString())) {
                browser.driver().manage().window().setSize(new Dimension(1366, 1100));
                browser.signIn(shot.user(), Fixtures.PASSWORD);
                if (!shot.lang().equals("en")) {
                    browser.choose("#lang-switch", shot.lang());
                    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(d ->
                            shot.lang().equals(d.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang")));
                }
                browser.go(shot.path());
                String title = browser.driver().getTitle();
                assertTrue(!title.contains("Something went wrong") && !browser.text("h1").isBlank(), shot + ": " + title);
                Path target = dir.resolve(shot.file() + ".png");
                Files.copy(((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
                saved.add(target.getFileName().toString());
            }
        }
        // a customer's survey on a phone, in Chinese (the demo's links are issued in Chinese)
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        List<String> urls = new ArrayList<>();
        links.list(new com.servicecoach.account.Viewer("sup.li", com.servicecoach.account.Role.SUPERVISOR, null), today.minusDays(6),
                today, "", 0, 1, l -> urls.add(l.url()));
        assertEquals(1, urls.size(), "an open link");
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.driver().manage().window().setSize(new Dimension(390, 1400));
            browser.go(urls.get(0));
            assertTrue(!browser.text("h1").isBlank());
            Path target = dir.resolve("survey-phone-zh.png");
            Files.copy(((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
            saved.add(target.getFileName().toString());
        }
        assertEquals(SHOTS.size() + 1, saved.size());
    }
}
