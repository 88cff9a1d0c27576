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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Submitting asks first, naming the unanswered questions; the navigator marks answered, unanswered and flagged
 * questions (flags are kept in the browser, per attempt); the last lesson leads to the assessment.
 */
@MicronautTest(transactional = false)
class AssessmentSubmitBrowserTest {

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
        modules.standard("confirm", AssessmentFixtures.Settings.plain());
    }

    static String classOf(Browser b, String questionText) {
        String id = b.driver().findElement(By.xpath("//fieldset[.//*[@class='qtext'][starts-with(., \"" + questionText + "\")]]"))
                .getAttribute("data-question");
        return b.find("#nav-" + id).getAttribute("class");
    }

    @Test
    void submittingAsksFirstNamingTheUnansweredQuestionsAndTheNavigatorMarksEachQuestion() {
        try (Browser b = Browser.open(server.getURL().toString())) {
            b.signIn("agent.north", Fixtures.PASSWORD);
            b.go("/modules/confirm/lessons/01-only");
            b.clickAndWait("#to-assessment");
            assertEquals("/assessments/confirm", b.path(), "the last lesson leads to the assessment");
            b.clickAndWait("#start");
            assertTrue(classOf(b, "Which colour").contains("unanswered"));

            WebElement blue = b.driver().findElement(By.xpath("//label[contains(@class,'option')][normalize-space(.)='Blue']/input"));
            blue.click();
            AssessmentBrowserTest.waitSaved(b);
            assertTrue(classOf(b, "Which colour").contains("answered") && !classOf(b, "Which colour").contains("unanswered"));
            String tf = b.driver().findElement(By.xpath("//fieldset[.//*[@class='qtext'][starts-with(., 'The earth')]]")).getAttribute("data-question");
            b.click("#flag-" + tf);
            assertTrue(b.find("#nav-" + tf).getAttribute("class").contains("flagged"));
            assertTrue(b.text("#nav-" + tf).contains("Flagged for review"), b.text("#nav-" + tf));

            b.click("#submit-attempt");
            assertTrue(b.find("#confirm-submit").isDisplayed(), "a confirmation, not a submission");
            assertEquals("7 of 8 questions are not answered yet.", b.text("#confirm-unanswered"));
            assertEquals("1 question is flagged for review.", b.text("#confirm-flagged"));
            b.screenshot("assessment-confirm-submit");
            b.click("#confirm-no");
            assertFalse(b.find("#confirm-submit").isDisplayed());
            assertTrue(b.path().matches("/attempts/\\d+"), "still taking the attempt");

            b.driver().navigate().refresh();
            b.find("#attempt-form");
            assertTrue(b.find("#flag-" + tf).isSelected(), "the flag survives a reload");
            assertTrue(b.find("#nav-" + tf).getAttribute("class").contains("flagged"));
            assertTrue(classOf(b, "Which colour").contains("answered"), "answered, from the server");

            b.driver().manage().addCookie(new Cookie("sc_lang", "zh-CN"));
            b.driver().navigate().refresh();
            b.find("#attempt-form");
            b.click("#submit-attempt");
            assertEquals("8 道题中还有 7 道未作答。", b.text("#confirm-unanswered"));
            assertEquals("有 1 道题标记为待复查。", b.text("#confirm-flagged"));
            assertTrue(b.text("#question-navigator").contains("已作答") && b.text("#question-navigator").contains("未作答"));
            b.clickAndWait("#confirm-yes");
            assertEquals("12.5%", b.text("#score"), "submitted after the confirmation");
        }
    }
}
