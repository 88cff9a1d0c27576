package com.servicecoach.quality;

import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QA score % and criterion failure rates from submitted reviews, on the figures API, the scorecard pages, the gaps, the
 * composite (only once weighted) and the HR report, each read with the caller's authority.
 *
 * <p>The worked example: eleven reviews of N1's chats against the chat rubric (75 points possible with the two critical
 * criteria N/A). Ten give greeting 2 of 5 (72 / 75 = 96 %); one fails the critical identity check (0 %), greeting full.
 * QA score = 960 / 11 = 87.2727... -> 87.3 %. Greeting fails on 10 of 11 (90.9 %), the identity check on 1 of 1 (100 %).
 */
@MicronautTest(transactional = false)
class QualityFiguresTest extends HttpTest {

    @Inject
    AssessmentFixtures assessments;

    String period;

    @BeforeEach
    void elevenReviews() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // reviews are dated by their submission: today
        period = "from=" + today.minusDays(29) + "&to=" + today;
        StringBuilder csv = new StringBuilder("external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale\n");
        LocalDate day = today.minusDays(3);
        for (int i = 0; i < 11; i++) {
            String t = day + "T" + String.format("%02d", 8 + i);
            csv.append("F-").append(i).append(",N1,chat,logistics,").append(t).append(":00:00,").append(t).append(":00:20,")
                    .append(t).append(":05:00,9,10\n");
        }
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv.toString()).contentType("text/csv")).status());
        for (int i = 0; i < 11; i++) {
            long interaction = ((Number) api.get("admin", "/api/interactions?externalId=F-" + i).content().get(0).get("id")).longValue();
            Api.Reply started = api.post("sup.north", "/api/quality/reviews", Map.of("interactionId", interaction));
            assertEquals(201, started.status(), started.body());
            List<Map<String, Object>> marks = i < 10
                    ? QualityReviewsTest.with(QualityReviewsTest.fullMarks(), "greeting", Map.of("criterion", "greeting", "points", 2))
                    : QualityReviewsTest.with(QualityReviewsTest.fullMarks(), "identity-verified",
                    Map.of("criterion", "identity-verified", "points", 0, "note", "Address changed without checking"));
            Api.Reply submitted = api.put("sup.north", "/api/quality/reviews/" + started.json().get("id"),
                    Map.of("marks", marks, "submit", true));
            assertEquals(200, submitted.status(), submitted.body());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAgentsQaScoreIsTheMeanOfTheirReviewsAndTheCriteriaFailingMostComeFirst() {
        Api.Reply r = api.get("sup.north", "/api/quality/figures/agents/N1?" + period);
        assertEquals(200, r.status(), r.body());
        Map<String, Object> f = r.json();
        assertEquals(11, ((Number) f.get("reviews")).intValue());
        assertEquals(11, ((Number) f.get("scored")).intValue());
        assertEquals(87.3, ((Number) f.get("scorePercent")).doubleValue());
        assertEquals(85, ((Number) f.get("target")).intValue(), "metrics.md's QA target");
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) f.get("criteria");
        assertEquals(List.of("identity-verified", "greeting"), criteria.subList(0, 2).stream().map(c -> c.get("criterion")).toList());
        assertEquals(100.0, ((Number) criteria.get(0).get("failurePercent")).doubleValue());
        assertEquals(1, ((Number) criteria.get(0).get("applicable")).intValue(), "N/A on the other ten");
        Map<String, Object> greeting = criteria.get(1);
        assertEquals(11, ((Number) greeting.get("applicable")).intValue());
        assertEquals(10, ((Number) greeting.get("failed")).intValue());
        assertEquals(90.9, ((Number) greeting.get("failurePercent")).doubleValue());
        assertEquals("greeting-attitude", greeting.get("module"));
        assertNull(greeting.get("moduleTitle"), "no such module in this database");
        assertTrue(((String) greeting.get("reviews")).endsWith("agent=N1&" + period + "&criterion=greeting"), (String) greeting.get("reviews"));
        assertEquals(0.0, ((Number) criteria.get(2).get("failurePercent")).doubleValue(), "the others never failed");
        assertEquals(List.of(), f.get("agents"));

        // the reviews behind the greeting's failures: the ten
        Api.Reply failed = api.get("sup.north", "/api/quality/reviews?agent=N1&" + period + "&criterion=greeting");
        assertEquals(10L, ((Number) failed.json().get("totalElements")).longValue(), failed.body());

        // the agent reads their own, nobody else's; another team's supervisor reads none
        assertEquals(87.3, ((Number) api.get("agent.north", "/api/quality/figures/agents/N1?" + period).json().get("scorePercent")).doubleValue());
        assertEquals(404, api.get("agent.north", "/api/quality/figures/agents/N2?" + period).status());
        assertEquals(404, api.get("sup.south", "/api/quality/figures/agents/N1?" + period).status());
        assertEquals(200, api.get("hr.lin", "/api/quality/figures/agents/N1?" + period).status());
        assertEquals(400, api.get("sup.north", "/api/quality/figures/agents/N1?from=2026-13-01&to=2026-12-31").status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTeamsQaScoreIsTakenOverAllItsReviewsWithEachAgentsBeside() {
        Map<String, Object> f = api.get("sup.north", "/api/quality/figures/teams/North?" + period).json();
        assertEquals(11, ((Number) f.get("reviews")).intValue());
        assertEquals(87.3, ((Number) f.get("scorePercent")).doubleValue());
        List<Map<String, Object>> agents = (List<Map<String, Object>>) f.get("agents");
        assertEquals(List.of("N1", "N2"), agents.stream().map(a -> a.get("employeeNo")).toList());
        assertEquals(87.3, ((Number) agents.get(0).get("scorePercent")).doubleValue());
        assertEquals(0, ((Number) agents.get(1).get("reviews")).intValue());
        assertNull(agents.get(1).get("scorePercent"), "no review: no score, not 0");
        assertEquals(404, api.get("sup.south", "/api/quality/figures/teams/North?" + period).status());
        assertEquals(403, api.get("agent.north", "/api/quality/figures/teams/North?" + period).status());
        Map<String, Object> south = api.get("sup.south", "/api/quality/figures/teams/South?" + period).json();
        assertEquals(0, ((Number) south.get("reviews")).intValue());
        assertNull(south.get("scorePercent"));

        String page = api.send("sup.north", HttpRequest.GET("/scorecards/teams/North?" + period).accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(page.contains("id=\"quality-section\"") && page.contains("id=\"qa-agents\"") && page.contains("87.3%"), page);
        String overview = api.send("sup.north", HttpRequest.GET("/scorecards?" + period).accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(overview.contains("href=\"/quality/reviews?agent=N1&amp;" + period.replace("&", "&amp;") + "\">87.3 %</a>"), overview);
        String zh = api.send("agent.north", HttpRequest.GET("/scorecards/agents/N1?" + period).header("Accept-Language", "zh-CN")
                .accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(zh.contains("质检得分") && zh.contains("id=\"qa-criteria\"") && zh.contains("id=\"qa-chart\""), zh);
    }

    @Test
    @SuppressWarnings("unchecked")
    void qualityJoinsTheCompositeOnlyOnceAnAdministratorWeightsIt() {
        List<Map<String, Object>> before = (List<Map<String, Object>>) ((Map<String, Object>) api.get("sup.north",
                "/api/scorecards/agents/N1?" + period).json().get("composite")).get("components");
        assertEquals(List.of("responsiveness", "resolution", "satisfaction", "knowledge"), before.stream().map(c -> c.get("name")).toList(),
                "weight 0 by default: left out, the shape unchanged");

        Map<String, Object> s = api.get("admin", "/api/settings").json();
        Map<String, Object> body = new LinkedHashMap<>(s);
        body.put("weights", Map.of("responsiveness", 30, "resolution", 20, "satisfaction", 35, "knowledge", 15, "quality", 50));
        Api.Reply saved = api.put("admin", "/api/settings", body);
        assertEquals(200, saved.status(), saved.body());
        assertEquals(50, ((Number) ((Map<String, Object>) saved.json().get("weights")).get("quality")).intValue());

        Map<String, Object> composite = (Map<String, Object>) api.get("sup.north", "/api/scorecards/agents/N1?" + period).json().get("composite");
        List<Map<String, Object>> components = (List<Map<String, Object>>) composite.get("components");
        Map<String, Object> quality = components.get(4);
        assertEquals("quality", quality.get("name"));
        assertEquals(87.3, ((Number) quality.get("value")).doubleValue());
        assertEquals(50, ((Number) quality.get("weight")).intValue());
        // knowledge has no data: 30 + 20 + 35 + 50 = 135; quality's share 5000 / 135 = 37.04
        assertEquals(37.0, ((Number) quality.get("effectiveWeight")).doubleValue());
        // (30 x 100 + 20 x 100 + 35 x 100 + 50 x 87.2727...) / 135 = 95.286
        assertEquals(95.3, ((Number) composite.get("score")).doubleValue());
        Map<String, Object> team = (Map<String, Object>) api.get("sup.north", "/api/scorecards/teams/North?" + period).json().get("composite");
        assertEquals(95.3, ((Number) team.get("score")).doubleValue(), "the team's reviews together");

        String form = api.send("admin", HttpRequest.GET("/admin/settings").accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(form.contains("name=\"weights.quality\"") && form.contains("name=\"targets.qaScore\""), "the settings page sets both");

        body.put("weights", Map.of("responsiveness", 30, "resolution", 20, "satisfaction", 35, "knowledge", 15, "quality", -1));
        Api.Reply bad = api.put("admin", "/api/settings", body);
        assertEquals(422, bad.status());
        assertEquals("weights.quality", ((List<Map<String, Object>>) bad.json().get("errors")).get(0).get("field"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailingCriterionIsAGapWithItsReviewsAsEvidenceAndItsModule() {
        assessments.standard("greeting-attitude", AssessmentFixtures.Settings.plain());
        List<Map<String, Object>> gaps = (List<Map<String, Object>>) api.get("sup.north", "/api/agents/N1/gaps?" + period).json().get("gaps");
        Map<String, Object> greeting = gaps.stream().filter(g -> "qa:chat/greeting".equals(g.get("figure"))).findFirst().orElseThrow();
        assertEquals(9.1, ((Number) greeting.get("value")).doubleValue(), "passed on 1 of 11");
        assertEquals(11, ((Number) greeting.get("n")).intValue());
        assertEquals(90, ((Number) greeting.get("target")).intValue(), "the chat rubric's pass target");
        assertTrue(((String) greeting.get("evidence")).startsWith("/quality/reviews?agent=N1&from="), (String) greeting.get("evidence"));
        assertTrue(((String) greeting.get("evidence")).endsWith("&criterion=greeting"));
        assertEquals("greeting-attitude", ((List<Map<String, Object>>) greeting.get("modules")).get(0).get("module"));
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) api.get("sup.north", "/api/quality/figures/agents/N1?" + period)
                .json().get("criteria");
        assertEquals("Module greeting-attitude", criteria.get(1).get("moduleTitle"), "the module by its title once it exists");
        assertEquals("Did the agent greet the customer promptly and warmly, and give their own name?", greeting.get("text"));
        assertTrue(gaps.stream().noneMatch(g -> "qa:chat/identity-verified".equals(g.get("figure"))), "1 review is fewer than min-rated");
        // 87.3 % of 11: the interval's upper end (97.1) is above the target 85, so the QA score itself is no gap
        assertTrue(gaps.stream().noneMatch(g -> "qa_score".equals(g.get("figure"))));

        String hub = api.send("sup.north", HttpRequest.GET("/agents/N1?" + period).accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(hub.contains("data-gap=\"qa:chat/greeting\"") && hub.contains("Did the agent greet the customer promptly"), hub);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHrReportShowsQualityBesideSpeedAndSatisfaction() {
        Api.Reply r = api.get("hr.lin", "/api/reports/performance?" + period);
        assertEquals(200, r.status(), r.body());
        Map<String, Object> quality = (Map<String, Object>) r.json().get("quality");
        assertEquals(11, ((Number) quality.get("reviews")).intValue());
        assertEquals(87.3, ((Number) quality.get("scorePercent")).doubleValue());
        List<Map<String, Object>> teams = (List<Map<String, Object>>) quality.get("teams");
        assertEquals(List.of("North", "South"), teams.stream().map(t -> t.get("team")).toList());
        assertNull(teams.get(1).get("scorePercent"));
        Map<String, Object> greeting = ((List<Map<String, Object>>) quality.get("criteria")).get(1);
        assertEquals("greeting", greeting.get("criterion"));
        assertEquals("客服是否及时、热情地问候顾客，并报出了自己的名字？", greeting.get("zh"));
        Map<String, Object> n1 = ((List<Map<String, Object>>) r.json().get("agents")).stream()
                .filter(a -> "N1".equals(a.get("employeeNo"))).findFirst().orElseThrow();
        assertEquals(Map.of("reviews", 11, "scorePercent", 87.3), n1.get("quality"));

        String csv = api.get("hr.lin", "/api/reports/performance.csv?" + period).body();
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
        String row = csv.lines().filter(l -> l.startsWith("N1,")).findFirst().orElseThrow();
        List<String> cells = List.of(row.split(",", -1));
        assertEquals("11", cells.get(header.indexOf("qa_reviews")));
        assertEquals("87.3", cells.get(header.indexOf("qa_score_percent")));
        assertEquals("", cells.get(header.indexOf("quality_effective_weight")), "not in the composite until weighted");

        String page = api.send("hr.lin", HttpRequest.GET("/reports/performance?" + period).accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(page.contains("id=\"quality\"") && page.contains("id=\"quality-criteria\""), page);
    }
}
