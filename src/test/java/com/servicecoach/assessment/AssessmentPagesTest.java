package com.servicecoach.assessment;

import com.servicecoach.account.SessionTokens;
import com.servicecoach.account.UserRepository;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.web.LocaleResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assessment pages as a browser gets them, in English and Chinese. */
@MicronautTest(transactional = false)
class AssessmentPagesTest extends HttpTest {

    static final String CSRF = "test-csrf-token-0123456789";

    @Inject
    SessionTokens tokens;
    @Inject
    UserRepository users;
    @Inject
    AssessmentFixtures modules;

    @BeforeEach
    void module() {
        modules.standard("pages", AssessmentFixtures.Settings.plain().shuffled());
    }

    MutableHttpRequest<?> asBrowser(String user, String lang, MutableHttpRequest<?> request) {
        request.accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of("sc_csrf", CSRF)).cookie(Cookie.of(LocaleResolver.COOKIE, lang));
        api.browser(user).on(request);
        return request;
    }

    Api.Reply page(String user, String path) {
        return page(user, "en", path);
    }

    Api.Reply page(String user, String lang, String path) {
        return api.exchange(asBrowser(user, lang, HttpRequest.GET(path)));
    }

    HttpResponse<String> post(String user, String lang, String path, Map<String, String> fields) {
        Map<String, String> body = new HashMap<>(fields);
        body.put("_csrf", api.browser(user).csrf());
        return http.toBlocking().exchange(asBrowser(user, lang, HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)), String.class);
    }

    long startOnPage(String lang) {
        HttpResponse<String> r = post("agent.north", lang, "/assessments/pages/start", Map.of());
        assertEquals(303, r.code());
        String location = r.getHeaders().get("Location");
        assertTrue(location.matches("/attempts/\\d+"), location);
        return Long.parseLong(location.substring("/attempts/".length()));
    }

    @Test
    void agentStartsFromTheAssessmentPageAndTakesItInChinese() {
        Api.Reply overview = page("agent.north", "zh-CN", "/assessments/pages");
        assertEquals(200, overview.status(), overview.body());
        assertTrue(overview.body().contains("开始考核") && overview.body().contains("id=\"start-form\""), overview.body());

        long id = startOnPage("zh-CN");
        Api.Reply take = page("agent.north", "zh-CN", "/attempts/" + id);
        assertEquals(200, take.status(), take.body());
        assertTrue(take.body().contains("晴天的天空是什么颜色"), "questions in the language of the start");
        assertTrue(take.body().contains("剩余时间") && take.body().contains("data-deadline=\""), "the countdown shows the server's deadline");
        assertTrue(take.body().contains("/assets/js/attempt.js"));

        HttpResponse<String> submitted = post("agent.north", "zh-CN", "/attempts/" + id + "/submit", Map.of());
        assertEquals(303, submitted.code());
        Api.Reply result = page("agent.north", "zh-CN", "/attempts/" + id);
        assertEquals(200, result.status());
        assertTrue(result.body().contains("id=\"score\">0.0%"), result.body());
        assertTrue(result.body().contains("未通过") && result.body().contains("回顾"), "result and review in Chinese");
    }

    @Test
    void theModulePageLinksToTheAssessmentForAgentsAndTheMenusCarryTheNewPages() {
        Api.Reply module = page("agent.north", "/modules/pages");
        assertEquals(200, module.status(), module.body());
        assertTrue(module.body().contains("href=\"/assessments/pages\""), "Take the assessment link");
        assertTrue(module.body().contains("href=\"/my-assessments\"") && module.body().contains("href=\"/certifications\""));
        Api.Reply sup = page("sup.north", "/modules/pages");
        assertFalse(sup.body().contains("id=\"take-assessment\""), "supervisors are not linked to an agent profile");
        assertTrue(sup.body().contains("href=\"/grading\"") && sup.body().contains("href=\"/item-analysis\""));
    }

    @Test
    void onePerPageLayoutShowsOneQuestionWithPageLinks() {
        modules.standard("paged", AssessmentFixtures.Settings.plain().layout("one_per_page"));
        HttpResponse<String> r = post("agent.north", "en", "/assessments/paged/start", Map.of());
        String location = r.getHeaders().get("Location");
        Api.Reply first = page("agent.north", location);
        assertEquals(1, first.body().split("<fieldset class=\"question").length - 1);
        assertTrue(first.body().contains("Which colour is the sky") && first.body().contains("id=\"next-question\""));
        Api.Reply third = page("agent.north", location + "?page=3");
        assertTrue(third.body().contains("The earth goes round") && third.body().contains("id=\"previous-question\""));
        assertFalse(third.body().contains("Which colour is the sky"));
    }

    @Test
    void supervisorGradesAnEssayOnTheFormAndBadPointsComeBackWithTheirError() {
        long id = startOnPage("en");
        Map<String, Object> attempt = api.get("agent.north", "/api/attempts/" + id).json();
        long essay = id(question(attempt, "Write a short apology"));
        api.put("agent.north", "/api/attempts/" + id + "/answers/" + essay, Map.of("answer", "Sorry for the delay."));
        post("agent.north", "en", "/attempts/" + id + "/submit", Map.of());

        Api.Reply queue = page("sup.north", "/grading");
        assertTrue(queue.body().contains("href=\"/grading/" + id + "/" + essay + "\""), queue.body());
        Api.Reply hrQueue = page("hr.lin", "/grading");
        assertTrue(hrQueue.body().contains("/grading/" + id + "/" + essay), "HR reads the queue");
        Api.Reply hrForm = page("hr.lin", "/grading/" + id + "/" + essay);
        assertTrue(hrForm.body().contains("id=\"read-only\"") && !hrForm.body().contains("id=\"grade-form\""));
        assertEquals(404, page("sup.south", "/grading/" + id + "/" + essay).status());
        assertEquals(403, page("agent.north", "/grading").status());

        Api.Reply form = page("sup.north", "/grading/" + id + "/" + essay);
        assertTrue(form.body().contains("Sorry for the delay.") && form.body().contains("Apologises sincerely"), form.body());
        Api.Reply bad = api.exchange(asBrowser("sup.north", "en", HttpRequest.POST("/grading/" + id + "/" + essay,
                Map.of("_csrf", api.browser("sup.north").csrf(), "points_1", "3", "points_2", "7", "comment", "Kind"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("id=\"e-points_2\"") && bad.body().contains("give from 0 to 2 points"), bad.body());
        assertTrue(bad.body().contains(">Kind</textarea>"), "the comment is kept");

        HttpResponse<String> ok = post("sup.north", "en", "/grading/" + id + "/" + essay, Map.of("points_1", "3", "points_2", "2"));
        assertEquals(303, ok.code());
        assertTrue(page("sup.north", "/grading").body().contains("No answer waits for grading."));
        Map<String, Object> graded = api.get("agent.north", "/api/attempts/" + id).json();
        assertEquals("final", result(graded).get("status"));
    }

    @Test
    void itemAnalysisAndCertificationPagesRender() {
        long id = startOnPage("en");
        post("agent.north", "en", "/attempts/" + id + "/submit", Map.of());
        Api.Reply analysis = page("sup.north", "/item-analysis?module=pages");
        assertEquals(200, analysis.status(), analysis.body());
        assertTrue(analysis.body().contains("Finished attempts analysed: 1") && analysis.body().contains("id=\"item-MC1\""), analysis.body());
        assertTrue(analysis.body().contains("facility-chart"));
        assertEquals(403, page("agent.north", "/item-analysis").status());
        Api.Reply zh = page("hr.lin", "zh-CN", "/item-analysis?module=pages");
        assertTrue(zh.body().contains("难度系数"));
        Api.Reply certs = page("agent.north", "/certifications");
        assertEquals(200, certs.status());
        assertTrue(page("sup.north", "/certifications").body().contains("id=\"certifications\""));
        Api.Reply mine = page("agent.north", "/my-assessments");
        assertTrue(mine.body().contains("href=\"/assessments/pages\""), mine.body());
    }

    @Test
    void theTakingPageHoldsNoAnswerKeyOrFeedback() {
        long id = startOnPage("en");
        Api.Reply take = page("agent.north", "/attempts/" + id);
        IntegrityScan.assertNoKeysInHtml(take.body());
        for (String marker : List.of("FB-", "GF-MC1", "Acknowledging")) {
            assertFalse(take.body().contains(marker), "the taking page must not hold " + marker);
        }
    }

    @Test
    void anAttemptWaitingForEssayGradingShowsItsProvisionalScoreNotADash() {
        long id = startOnPage("en");
        Map<String, Object> attempt = api.get("agent.north", "/api/attempts/" + id).json();
        Map<String, Object> sky = question(attempt, "Which colour");
        api.put("agent.north", "/api/attempts/" + id + "/answers/" + id(sky), Map.of("answer", option(sky, "Blue")));
        api.put("agent.north", "/api/attempts/" + id + "/answers/" + id(question(attempt, "Write a short apology")),
                Map.of("answer", "Sorry for the delay."));
        post("agent.north", "en", "/attempts/" + id + "/submit", Map.of());

        String result = page("agent.north", "/attempts/" + id).body();
        assertTrue(result.contains("id=\"score\">12.5% so far") && result.contains("Waiting for grading"), result);
        assertTrue(result.contains("One answer waits for your supervisor to grade them."), "a proper singular, not answer(s)");
        String mine = page("agent.north", "/my-assessments").body();
        assertTrue(mine.contains("12.5% so far") && mine.contains("Waiting for grading"), mine);
        assertTrue(page("agent.north", "/assessments/pages").body().contains("id=\"provisional\">12.5% so far"));
        String zh = page("agent.north", "zh-CN", "/my-assessments").body();
        assertTrue(zh.contains("目前 12.5%") && zh.contains("等待评分"), zh);
        assertTrue(page("agent.north", "zh-CN", "/attempts/" + id).body().contains("有 1 个答案等待主管评分"));
        assertEquals(12.5, ((Number) result(api.get("agent.north", "/api/attempts/" + id).json()).get("provisionalPercent")).doubleValue());
    }

    @Test
    void afterAPassTheNextStepIsTheResultNotAnotherAttempt() {
        modules.standard("easy", AssessmentFixtures.Settings.plain().passMark(10).certification(12));
        HttpResponse<String> r = post("agent.north", "en", "/assessments/easy/start", Map.of());
        long id = Long.parseLong(r.getHeaders().get("Location").substring("/attempts/".length()));
        Map<String, Object> attempt = api.get("agent.north", "/api/attempts/" + id).json();
        Map<String, Object> sky = question(attempt, "Which colour");
        api.put("agent.north", "/api/attempts/" + id + "/answers/" + id(sky), Map.of("answer", option(sky, "Blue")));
        post("agent.north", "en", "/attempts/" + id + "/submit", Map.of());

        String mine = page("agent.north", "/my-assessments").body();
        assertTrue(mine.contains("Passed") && mine.contains("href=\"/assessments/pages\">Take the assessment<"), mine);
        assertTrue(mine.contains(">Valid</span> until 20") && !mine.contains("valid until"), "not \"Valid valid until\": " + mine);
        assertTrue(page("agent.north", "zh-CN", "/my-assessments").body().contains(">有效</span> 有效期至 20"));
        assertFalse(mine.contains("href=\"/assessments/easy\">Take the assessment<"), "no new attempt offered as the next step after a pass");
        String module = page("agent.north", "/modules/easy").body();
        assertTrue(module.contains("id=\"assessment-result\"") && !module.contains("id=\"take-assessment\""), module);
        assertTrue(page("agent.north", "zh-CN", "/modules/easy").body().contains("查看考核结果"));
        assertTrue(page("agent.north", "/modules/pages").body().contains("id=\"take-assessment\""), "not yet passed: take it");
        String lesson = page("agent.north", "/modules/easy/lessons/01-only").body();
        assertTrue(lesson.contains("id=\"to-assessment\" href=\"/assessments/easy\""), "the last lesson leads to the assessment");
        assertTrue(page("agent.north", "zh-CN", "/modules/easy/lessons/01-only").body().contains("前往考核"));
    }
}
