package com.servicecoach.browser;

import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent takes a timed assessment in Chromium: answers are saved as they go and survive a reload. */
@MicronautTest(transactional = false)
class AssessmentBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    AssessmentFixtures modules;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        modules.standard("timed", AssessmentFixtures.Settings.plain().timeLimit(15).shuffled());
    }

    static WebElement option(Browser b, String text) {
        return b.driver().findElement(By.xpath("//label[contains(@class,'option')][normalize-space(.)='" + text + "']/input"));
    }

    static WebElement field(Browser b, String questionStart) {
        return b.driver().findElement(By.xpath("//fieldset[.//*[@class='qtext'][starts-with(., \"" + questionStart + "\")]]//*[self::input or self::textarea]"));
    }

    static void waitSaved(Browser b) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> {
            String cls = d.findElement(By.id("save-state")).getAttribute("class");
            return cls != null && cls.contains("saved");
        });
    }

    @Test
    void agentTakesATimedAssessmentReloadsAndSeesTheResult() {
        try (Browser b = Browser.open(server.getURL().toString())) {
            b.signIn("agent.north", Fixtures.PASSWORD);
            b.go("/modules/timed");
            b.clickAndWait("#take-assessment");
            assertEquals("/assessments/timed", b.path());
            b.clickAndWait("#start");
            assertTrue(b.path().matches("/attempts/\\d+"), b.path());
            assertTrue(b.text("#countdown").matches("1[45]:\\d\\d"), "the countdown runs from the time limit: " + b.text("#countdown"));

            option(b, "Blue").click();
            waitSaved(b);
            option(b, "True").click();
            waitSaved(b);
            WebElement shortAnswer = field(b, "The first of the three");
            shortAnswer.sendKeys("Acknowledge");
            b.find("h1").click();
            waitSaved(b);
            assertTrue(b.text("#save-state").startsWith("All answers saved"), b.text("#save-state"));
            b.screenshot("assessment-taking");

            b.driver().navigate().refresh();
            b.find("#attempt-form");
            assertTrue(option(b, "Blue").isSelected(), "the choice is still there after a reload");
            assertTrue(option(b, "True").isSelected());
            assertEquals("Acknowledge", field(b, "The first of the three").getAttribute("value"));

            b.click("#submit-attempt");
            assertEquals("5 of 8 questions are not answered yet.", b.text("#confirm-unanswered"), "submitting asks first");
            b.clickAndWait("#confirm-yes");
            assertEquals("37.5%", b.text("#score"), "3 of 8 questions right");
            assertEquals("Not passed", b.text("#verdict"));
            assertTrue(b.text("#review").contains("Which colour is the sky"), "review after submission");
            b.screenshot("assessment-result");
        }
        try (Browser sup = Browser.open(server.getURL().toString())) {
            sup.signIn("sup.north", Fixtures.PASSWORD);
            sup.go("/item-analysis?module=timed");
            assertTrue(sup.text("#analysis-summary").endsWith("1"), sup.text("#analysis-summary"));
            assertTrue(sup.text("#items").contains("MC1"));
            sup.screenshot("item-analysis");
        }
    }
}
