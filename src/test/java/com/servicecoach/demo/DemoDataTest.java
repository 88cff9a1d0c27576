package com.servicecoach.demo;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import com.servicecoach.training.TrainingContent;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo environment's loader, run on an empty database, fills every training screen: passed, failed and
 * essay-waiting attempts, an expiring and an expired certification, completed and overdue assignments, so item
 * analysis, the grading queue, certifications, knowledge % and training compliance show real content.
 */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "servicecoach.demo.password", value = Fixtures.PASSWORD)
class DemoDataTest {

    @Inject
    DataSource dataSource;
    @Inject
    TrainingContent content;
    @Inject
    DemoData demo;
    @Inject
    DemoInteractions demoInteractions;
    @Inject
    DemoSurveys demoSurveys;
    @Inject
    DemoQuality demoQuality;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper mapper;

    @Test
    @SuppressWarnings("unchecked")
    void theDemoLoaderFillsEveryTrainingScreen() throws InterruptedException {
        TestDatabase.clean(dataSource);
        content.reload();
        demo.onApplicationEvent(null);
        Api api = new Api(http, mapper);

        List<Map<String, Object>> attempts = api.get("sup.li", "/api/attempts?team=Team%20A&size=100").content();
        assertTrue(attempts.stream().anyMatch(a -> Boolean.TRUE.equals(a.get("passed"))), "a passed attempt: " + attempts);
        assertTrue(attempts.stream().anyMatch(a -> Boolean.FALSE.equals(a.get("passed"))), "a failed attempt");
        assertTrue(attempts.stream().anyMatch(a -> ((Number) a.get("awaitingGrading")).intValue() > 0), "one waiting for essay grading");

        assertFalse(api.get("sup.li", "/api/grading-queue").content().isEmpty(), "the grading queue has work");
        List<Map<String, Object>> certs = api.get("sup.li", "/api/certifications?size=100").content();
        assertTrue(certs.stream().anyMatch(c -> "expiring".equals(c.get("status"))), "a certification expiring soon: " + certs);
        assertTrue(certs.stream().anyMatch(c -> "expired".equals(c.get("status"))), "an expired certification");
        assertTrue(certs.stream().anyMatch(c -> "valid".equals(c.get("status"))));

        Map<String, Object> matrix = api.get("sup.li", "/api/training-matrix?team=Team%20A").json();
        String cells = String.valueOf(matrix);
        assertTrue(cells.contains("overdue") && cells.contains("completed"), "overdue and completed assignments: " + cells);

        String analysis = api.get("sup.li", "/item-analysis").body();
        // the page opens on the first module (by code) with finished attempts; which one that is depends on the
        // questions the demo's essay attempts happened to draw, so compare with the attempts themselves
        java.util.regex.Matcher selected = java.util.regex.Pattern.compile("<select id=\"module\"[^>]*>.*?<option value=\"([^\"]+)\" selected", java.util.regex.Pattern.DOTALL).matcher(analysis);
        assertTrue(selected.find(), "a module is selected");
        String opened = selected.group(1);
        assertTrue(attempts.stream().anyMatch(a -> opened.equals(a.get("module")) && a.get("passed") != null),
                "opens on a module with finished attempts, not " + opened + ": " + attempts);
        assertTrue(analysis.contains("id=\"items\""), "item statistics shown");

        // today as the organization's zone (Asia/Shanghai) has it: after 16:00 UTC it is already tomorrow there
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Map<String, Object> card = api.get("agent.wang", "/api/scorecards/agents/A001?from=" + today.withDayOfMonth(1) + "&to=" + today).json();
        assertNotNull(card.get("knowledgePercent"), "knowledge % from real attempts: " + card);

        // the report counts what happened before the moment it is made; MariaDB's driver sends that moment in whole
        // seconds, so a completion of the very same second would not count yet: let that second pass first
        Thread.sleep(1100);
        Map<String, Object> report = api.get("hr.zhou", "/api/reports/performance?from=" + today.withDayOfMonth(1) + "&to=" + today).json();
        Map<String, Object> training = (Map<String, Object>) ((Map<String, Object>) report.get("training")).get("total");
        assertTrue(((Number) training.get("completed")).intValue() > 0 && ((Number) training.get("overdue")).intValue() > 0, "training compliance: " + training);

        String mine = api.send("agent.wang", HttpRequest.GET("/my-assessments").header("Accept-Language", "zh-CN")).body();
        assertTrue(mine.contains("等待评分") && mine.contains("通过"), "agent.wang passed one module and waits for grading in another: " + mine.replaceAll("(?s).*<main", "<main").replaceAll("(?s)</main>.*", ""));
        assertEquals(200, api.get("agent.wang", "/certifications").status());

        // training impact: the agents who completed returns-refunds weeks ago have their returns rated higher since;
        // order-status-logistics was completed as long ago and changed nothing
        demoInteractions.onApplicationEvent(null);
        Map<String, Object> impact = api.get("hr.zhou", "/api/training/impact").json();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) impact.get("modules");
        Map<String, Object> helped = rows.stream().filter(r -> "returns-refunds".equals(r.get("module")) && "csat".equals(r.get("figure")))
                .findFirst().orElseThrow();
        assertEquals(true, helped.get("enoughData"), "returns-refunds: " + helped);
        assertEquals(8, ((Number) helped.get("trained")).intValue(), helped.toString());
        assertTrue(((Number) helped.get("low")).doubleValue() > 0, "its interval lies above 0: " + helped);
        Map<String, Object> unchanged = rows.stream().filter(r -> "order-status-logistics".equals(r.get("module"))
                && "csat".equals(r.get("figure"))).findFirst().orElseThrow();
        assertEquals(true, unchanged.get("enoughData"), "order-status-logistics: " + unchanged);
        assertTrue(Math.abs(((Number) unchanged.get("effect")).doubleValue()) < 10, "no real change: " + unchanged);
        assertTrue(((Number) unchanged.get("low")).doubleValue() < ((Number) helped.get("low")).doubleValue());

        // surveys: three months of responses in the reference survey's pattern, and open links for the last week
        demoSurveys.onApplicationEvent(null);
        String months = "from=" + today.minusMonths(3).plusDays(1) + "&to=" + today;
        Map<String, Object> survey = (Map<String, Object>) api.get("hr.zhou", "/api/surveys/figures?" + months).json().get("total");
        Map<String, Double> satisfied = new java.util.HashMap<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) survey.get("dimensions")) {
            satisfied.put((String) d.get("code"), ((Number) d.get("satisfiedPercent")).doubleValue());
        }
        assertTrue(((Number) survey.get("returned")).intValue() > 1000, "responses: " + survey.get("returned"));
        assertTrue(((Number) survey.get("complete")).intValue() < ((Number) survey.get("returned")).intValue(), "some incomplete");
        assertTrue(((Number) survey.get("sent")).intValue() > ((Number) survey.get("returned")).intValue(), "open links count as sent");
        assertTrue(satisfied.get("communication") < satisfied.get("attitude") - 10, "communication weak: " + satisfied);
        assertTrue(satisfied.get("logistics") > satisfied.get("product_quality") + 10, "logistics good: " + satisfied);
        assertTrue(satisfied.get("problem_solving") > satisfied.get("communication") + 20, satisfied.toString());
        Map<String, Object> poor = (Map<String, Object>) api.get("hr.zhou", "/api/agents/A004/survey?" + months).json().get("figures");
        double poorAttitude = ((List<Map<String, Object>>) poor.get("dimensions")).stream().filter(d -> "attitude".equals(d.get("code")))
                .mapToDouble(d -> ((Number) d.get("satisfiedPercent")).doubleValue()).findFirst().orElseThrow();
        assertTrue(poorAttitude < satisfied.get("attitude") - 30, "A004 poor on attitude: " + poorAttitude + " vs " + satisfied);
        List<Map<String, Object>> gaps = (List<Map<String, Object>>) api.get("hr.zhou", "/api/agents/A004/gaps?" + months).json().get("gaps");
        Map<String, Object> attitudeGap = gaps.stream().filter(g -> "survey:attitude".equals(g.get("figure")) && g.get("slice") == null)
                .findFirst().orElseThrow(() -> new AssertionError("an attitude gap: " + gaps));
        assertTrue(((List<Map<String, Object>>) attitudeGap.get("modules")).stream().anyMatch(m -> "greeting-attitude".equals(m.get("module"))),
                "greeting-attitude recommended: " + attitudeGap);
        List<Map<String, Object>> openLinks = api.get("sup.li", "/api/surveys/links?from=" + today.minusDays(6) + "&to=" + today).content();
        assertFalse(openLinks.isEmpty(), "links to send");
        assertEquals("open", openLinks.get(0).get("state"));

        // quality reviews: conversations for the last four weeks, those weeks sampled, the older ones mostly reviewed
        demoQuality.onApplicationEvent(null);
        assertFalse(api.get("sup.li", "/api/quality/queue?state=open").content().isEmpty(), "conversations to review");
        List<Map<String, Object>> reviewed = api.get("hr.zhou", "/api/quality/reviews?size=200").content();
        assertTrue(reviewed.size() > 20, "reviews: " + reviewed.size());
        assertEquals(1, api.get("hr.zhou", "/api/quality/reviews?state=resolved").content().size(), "a dispute resolved");
        long interaction = ((Number) reviewed.get(0).get("interactionId")).longValue();
        assertTrue(((List<?>) api.get("hr.zhou", "/api/interactions/" + interaction).json().get("messages")).size() >= 3,
                "the reviewed conversation has its transcript");
        // and their figures: a reviewed agent has a QA score for the last 90 days
        Map<String, Object> figures = api.get("hr.zhou", "/api/quality/figures/agents/" + reviewed.get(0).get("agent") + "?from="
                + today.minusDays(89) + "&to=" + today).json();
        assertTrue(((Number) figures.get("reviews")).intValue() > 0 && figures.get("scorePercent") != null, figures.toString());
        // one calibration session, scored by every supervisor and revealed
        Api.Reply sessions = api.get("sup.li", "/api/quality/calibrations");
        assertEquals(200, sessions.status(), sessions.body());
        List<Map<String, Object>> list = sessions.content();
        assertEquals(1, list.size(), sessions.body());
        assertTrue(list.get(0).get("revealedAt") != null, "revealed: " + list.get(0));
    }
}
