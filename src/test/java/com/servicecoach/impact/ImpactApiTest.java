package com.servicecoach.impact;

import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.training.Completion;
import com.servicecoach.training.CompletionRepository;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training impact end to end: imported interactions, stored completions, the estimate through the API (a figure on
 * a category and the figure overall, both read from the stored days, and equal when read from the rows), and the page.
 */
@MicronautTest(transactional = false)
class ImpactApiTest extends HttpTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    AssessmentFixtures assessments;
    @Inject
    TrainingModuleRepository modules;
    @Inject
    CompletionRepository completions;
    @Inject
    AgentRepository agents;
    @Inject
    TeamRepository teams;

    LocalDate today;
    LocalDate trainedOn;
    String range;

    @BeforeEach
    void data() {
        today = LocalDate.now(ZONE);
        trainedOn = today.minusDays(50);
        range = "from=" + trainedOn.minusDays(5) + "&to=" + trainedOn.plusDays(5);
        Team north = teams.findByName("North").orElseThrow();
        Team south = teams.findByName("South").orElseThrow();
        for (String no : List.of("N3", "N4", "N5")) {
            fixtures.agent(no, "Agent " + no, north, "chat");
        }
        for (String no : List.of("S2", "S3")) {
            fixtures.agent(no, "Agent " + no, south, "chat");
        }
        List<String> trained = List.of("N1", "N2", "N3", "N4", "N5");
        List<String> controls = List.of("S1", "S2", "S3");
        // each day: two rated returns and one other rated contact; the trained agents' returns go from one of two
        // satisfied to both after completing, their other contact from satisfied to not: CSAT on returns +50
        // points, CSAT overall unchanged; the controls change nothing
        StringBuilder csv = new StringBuilder("external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n");
        int id = 0;
        for (String no : concat(trained, controls)) {
            boolean isTrained = trained.contains(no);
            for (LocalDate day = trainedOn.minusDays(28); !day.isAfter(trainedOn.plusDays(28)); day = day.plusDays(1)) {
                boolean after = isTrained && day.isAfter(trainedOn);
                int[][] rows = {{9, 1}, {after ? 9 : 3, 1}, {after ? 3 : 9, 0}};
                int hour = 10;
                for (int[] r : rows) {
                    String t = day + "T" + hour++ + ":00:00";
                    String done = day + "T" + (hour - 1) + ":00:30";
                    csv.append("IMP-").append(id++).append(',').append(no).append(",chat,").append(r[1] == 1 ? "return_refund" : "other")
                            .append(',').append(t).append(',').append(done).append(',').append(done).append(',').append(r[0]).append(",10,\n");
                }
            }
        }
        Api.Reply imported = api.send("admin", HttpRequest.POST("/api/interactions/import", csv.toString()).contentType("text/csv"));
        assertEquals(200, imported.status(), imported.body());
        TrainingModule m = assessments.standard("rr", AssessmentFixtures.Settings.plain());
        modules.update(new TrainingModule(m.id(), m.code(), m.version(), m.contentHash(), m.titleEn(), m.titleZh(), m.summaryEn(),
                m.summaryZh(), m.skills(), m.categories(), m.estimatedMinutes(), m.passMark(), m.certificationMonths(),
                m.timeLimitMinutes(), m.attemptsAllowed(), m.gradingMethod(), m.questionCount(), m.shuffleQuestions(),
                m.shuffleOptions(), m.layout(), m.review(), true, m.syncedAt(), m.drawTags(), "csat//return_refund;csat//"));
        for (String no : trained) {
            Agent a = agents.findByEmployeeNo(no).orElseThrow();
            var at = trainedOn.atTime(15, 0).atZone(ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
            completions.save(new Completion(null, a.id(), m.id(), 1, at, at));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> row(Api.Reply r, String category) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) r.json().get("modules");
        return rows.stream().filter(x -> "rr".equals(x.get("module")) && java.util.Objects.equals(category, x.get("category")))
                .findFirst().orElseThrow(() -> new AssertionError(r.body()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEffectOnReturnsIsFoundAndTheUnchangedFigureOverallIsZero() {
        Api.Reply r = api.get("hr.lin", "/api/training/impact?" + range);
        assertEquals(200, r.status(), r.body());
        assertEquals(28, ((Number) r.json().get("window")).intValue());
        Map<String, Object> returns = row(r, "return_refund");
        assertEquals(true, returns.get("enoughData"), r.body());
        assertEquals(50.0, ((Number) returns.get("effect")).doubleValue(), 1e-9);
        assertEquals(50.0, ((Number) returns.get("low")).doubleValue(), 1e-9);
        assertEquals(50.0, ((Number) returns.get("high")).doubleValue(), 1e-9);
        assertEquals(5, ((Number) returns.get("trained")).intValue());
        assertEquals(3, ((Number) returns.get("controls")).intValue());
        assertEquals(50.0, ((Number) returns.get("trainedBefore")).doubleValue(), 1e-9);
        assertEquals(100.0, ((Number) returns.get("trainedAfter")).doubleValue(), 1e-9);
        Map<String, Object> overall = row(r, null);
        assertEquals(0.0, ((Number) overall.get("effect")).doubleValue(), 1e-9, r.body());
        assertEquals(66.7, ((Number) overall.get("trainedBefore")).doubleValue(), 1e-9);
        List<Map<String, Object>> named = (List<Map<String, Object>>) returns.get("agents");
        assertEquals(List.of("N1", "N2", "N3", "N4", "N5"), named.stream().map(a -> a.get("employeeNo")).sorted().toList());
        assertEquals(trainedOn.toString(), named.get(0).get("completedOn"));
    }

    @Test
    void theEstimateFromTheStoredDaysEqualsTheOneFromTheRows() throws Exception {
        Api.Reply fromDays = api.get("hr.lin", "/api/training/impact?" + range);
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var st = c.createStatement()) {
            st.executeUpdate("update interaction_rollup_state set status = 'building'");
        }
        Api.Reply fromRows = api.get("hr.lin", "/api/training/impact?" + range);
        assertEquals(fromDays.json().get("modules"), fromRows.json().get("modules"));
        assertEquals(50.0, ((Number) row(fromRows, "return_refund").get("effect")).doubleValue(), 1e-9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupervisorSeesTheSameEstimateWithOtherTeamsAgentsUnnamedAndAnAgentIsRefused() {
        Api.Reply south = api.get("sup.south", "/api/training/impact?" + range);
        assertEquals(200, south.status(), south.body());
        Map<String, Object> returns = row(south, "return_refund");
        assertEquals(50.0, ((Number) returns.get("effect")).doubleValue(), 1e-9, "controls are the whole organisation's, whoever asks");
        for (Map<String, Object> a : (List<Map<String, Object>>) returns.get("agents")) {
            assertNull(a.get("employeeNo"), "North's agents are not named to South's supervisor");
        }
        assertEquals(403, api.get("agent.north", "/api/training/impact?" + range).status());
        assertEquals(404, api.get("hr.lin", "/api/training/impact?" + range + "&module=nope").status());
        assertEquals(400, api.get("hr.lin", "/api/training/impact?from=2025-01-01&to=2026-06-30").status(), "at most 366 days");
    }

    @Test
    void withFewerThanFiveTrainedAgentsThereIsNotEnoughData() {
        Api.Reply r = api.get("hr.lin", "/api/training/impact?from=" + trainedOn.plusDays(1) + "&to=" + trainedOn.plusDays(5));
        Map<String, Object> returns = row(r, "return_refund");
        assertEquals(false, returns.get("enoughData"));
        assertNull(returns.get("effect"));
        assertEquals(0, ((Number) returns.get("trained")).intValue());
    }

    @Test
    void thePageShowsTheEffectItsChartAndTheAgentsBehindIt() {
        Api.Reply page = api.get("sup.north", "/training/impact?" + range + "&sort=effect,desc");
        assertEquals(200, page.status(), page.body());
        String html = page.body();
        assertTrue(html.contains("data-impact=\"rr:csat:return_refund\" class=\"verdict-helped\""), html);
        assertTrue(html.contains("+50.0 points"), html);
        assertTrue(html.contains("data-impact=\"rr:csat\" class=\"verdict-unclear\""), html);
        assertTrue(html.indexOf("rr:csat:return_refund") < html.indexOf("data-impact=\"rr:csat\""), "largest effect first");
        assertTrue(html.contains("<svg"), "the before/after chart");
        assertTrue(html.contains("href=\"/agents/N3\""), "the trained agents, linked");
        Api.Reply zh = api.send("sup.north", HttpRequest.GET("/training/impact?" + range).header("Accept-Language", "zh-CN"));
        assertTrue(zh.body().contains("有帮助"), zh.body());
        Api.Reply bad = api.get("sup.north", "/training/impact?from=2026-05-01&to=2026-04-01");
        assertEquals(422, bad.status());
    }
}
