package com.servicecoach.survey;

import com.servicecoach.support.Api;
import com.servicecoach.support.Browser;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer on a phone (375 x 740) in headless Chromium: the survey in English and in Chinese shows every dimension
 * with the band words, fits the screen without horizontal scrolling, runs under the Content-Security-Policy, takes
 * an answer and thanks; the link opened again says it was answered.
 */
@MicronautTest(transactional = false)
class SurveyPublicBrowserTest extends HttpTest {

    static final String RECORDER = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    @Inject
    EmbeddedServer server;

    /** Links for N1's interaction (English) and N2's (Chinese). */
    Map<String, String> links() {
        String csv = SurveyLinksTest.HEADER + "\nPH-1,N1,chat,logistics,2026-11-02T09:00:00,,,,,\n";
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv")).status());
        api.post("admin", "/api/surveys/links", Map.of("from", "2026-11-01", "to", "2026-11-30", "language", "en"));
        String csv2 = SurveyLinksTest.HEADER + "\nPH-2,N2,phone,complaint,2026-11-03T09:00:00,,,,,\n";
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv2).contentType("text/csv")).status());
        api.post("admin", "/api/surveys/links", Map.of("from", "2026-11-01", "to", "2026-11-30", "language", "zh"));
        Api.Reply r = api.get("admin", "/api/surveys/links?" + SurveyLinksTest.PERIOD);
        Map<String, String> tokens = new java.util.HashMap<>();
        r.content().forEach(l -> tokens.put((String) l.get("externalId"), (String) l.get("token")));
        return tokens;
    }

    static Object js(Browser b, String script) {
        return ((JavascriptExecutor) b.driver()).executeScript(script);
    }

    /** Every dimension and every band's words are on the page, and it does not scroll sideways. */
    static void looksRight(Browser b, List<String> dimensions, List<String> bands) {
        List<String> legends = b.driver().findElements(By.cssSelector("fieldset.survey-q legend")).stream().map(WebElement::getText).toList();
        assertEquals(dimensions, legends);
        for (WebElement q : b.driver().findElements(By.cssSelector("fieldset.survey-q"))) {
            assertEquals(bands, q.findElements(By.cssSelector(".word")).stream().map(WebElement::getText).toList());
            assertEquals(11, q.findElements(By.cssSelector("input[type=radio]")).size(), "1-10 and does not apply");
        }
        Number scroll = (Number) js(b, "return document.documentElement.scrollWidth;");
        Number inner = (Number) js(b, "return window.innerWidth;");
        assertTrue(scroll.intValue() <= inner.intValue(), "no horizontal scroll: " + scroll + " > " + inner);
        Number button = (Number) js(b, "return document.querySelector('label.score span').getBoundingClientRect().height;");
        assertTrue(button.doubleValue() >= 40, "scores large enough to tap: " + button);
        assertEquals(List.of(), js(b, "return window.__csp;"), "no Content-Security-Policy violation");
    }

    /** Taps a score: its label, the button the customer sees (the radio inside it is transparent). */
    static void choose(Browser b, String id) {
        WebElement label = b.find("#" + id).findElement(By.xpath(".."));
        js(b, "arguments[0].scrollIntoView({block: 'center'});", label);
        label.click();
    }

    static Object js(Browser b, String script, Object arg) {
        return ((JavascriptExecutor) b.driver()).executeScript(script, arg);
    }

    @Test
    void aCustomerAnswersOnAPhoneInEnglishAndInChinese() {
        Map<String, String> tokens = links();
        List<String> english = SurveyDefinition.reference().dimensions().stream().map(SurveyDefinition.Dimension::en).toList();
        List<String> chinese = SurveyDefinition.reference().dimensions().stream().map(SurveyDefinition.Dimension::zh).toList();
        try (Browser b = Browser.open(server.getURL().toString())) {
            ((ChromeDriver) b.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
            b.driver().manage().window().setSize(new Dimension(375, 740));
            ((ChromeDriver) b.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 740, "deviceScaleFactor", 2, "mobile", true));

            b.go("/survey/" + tokens.get("PH-1"));
            assertEquals("You were helped by Li Na.", b.text("#helped-by"));
            looksRight(b, english, List.of("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"));
            b.screenshot("survey-phone");
            choose(b, "s-attitude-9");
            choose(b, "s-problem_solving-7");
            choose(b, "s-price-3");
            b.click("#s-logistics-skip");
            assertEquals(Boolean.TRUE, js(b, "return document.getElementById('s-attitude-9').checked && document.getElementById('s-price-3').checked;"));
            b.type("#remark", "Quick and kind");
            b.clickAndWait("#survey-submit");
            assertEquals("Thank you!", b.text("#survey-message-title"));
            Number scroll = (Number) js(b, "return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(scroll.intValue() <= 0, "the thanks fit too");
            b.go("/survey/" + tokens.get("PH-1"));
            assertEquals("This survey has already been answered", b.text("#survey-message-title"));

            b.go("/survey/" + tokens.get("PH-2"));
            assertEquals("zh-CN", js(b, "return document.documentElement.lang;"));
            assertEquals("为您服务的是 王芳。", b.text("#helped-by"));
            looksRight(b, chinese, List.of("非常不满意", "不满意", "一般", "满意", "非常满意"));
            b.screenshot("survey-phone-zh");
            choose(b, "s-attitude-10");
            b.clickAndWait("#survey-submit");
            assertEquals("谢谢您！", b.text("#survey-message-title"));
            b.go("/survey/" + tokens.get("PH-2") + "?lang=en");
            assertEquals("This survey has already been answered", b.text("#survey-message-title"));
        }
    }
}
