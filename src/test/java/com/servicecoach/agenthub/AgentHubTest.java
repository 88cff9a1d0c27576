package com.servicecoach.agenthub;

import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's page, /agents/{no}: the last 30 days' figures, the trend, training, attempts and certifications. */
@MicronautTest(transactional = false)
class AgentHubTest extends HttpTest {

    @Inject
    AssessmentFixtures modules;

    Api.Reply page(String user, String path) {
        return api.exchange(api.browser(user).on(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE)));
    }

    static String section(String body, String id) {
        int at = body.indexOf("id=\"" + id + "\"");
        return at < 0 ? "" : body.substring(at, body.indexOf("</section>", at));
    }

    void world() {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);
        String csv = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n"
                + "H-1,N1,chat,logistics," + day + "T10:00:00," + day + "T10:00:30," + day + "T10:20:00,9,10,\n"
                + "H-2,N1,chat,logistics," + day + "T11:00:00," + day + "T11:00:30," + day + "T11:20:00,9,10,\n"
                + "H-3,N1,chat,logistics," + day + "T12:00:00," + day + "T12:00:30," + day + "T12:20:00,8,10,\n"
                + "H-4,N1,chat,logistics," + day + "T13:00:00," + day + "T13:05:00," + day + "T13:20:00,4,10,\n"
                + "H-5,N2,chat,logistics," + day + "T13:00:00," + day + "T13:05:00,,,,\n";
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv")).status());
        modules.standard("hub", AssessmentFixtures.Settings.plain());
        assertEquals(201, api.post("admin", "/api/assignments", Map.of("module", "hub", "agents", List.of("N1"), "dueOn", "2099-12-31")).status());
        Map<String, Object> a = api.post("agent.north", "/api/assessments/hub/attempts", Map.of()).json();
        api.post("agent.north", "/api/attempts/" + a.get("attempt") + "/submit", Map.of());
    }

    @Test
    void theAgentsPageSumsUpTheirLast30DaysTrainingAndAttempts() {
        world();
        Api.Reply r = page("sup.north", "/agents/N1");
        assertEquals(200, r.status(), r.body());
        String card = section(r.body(), "hub-scorecard");
        // 3 of 4 chat contacts answered within 60 s
        assertTrue(card.contains("id=\"hub-frt\"><span class=\"big\">75.0 %"), card);
        assertTrue(card.contains("id=\"hub-interactions\" href=\"/interactions?agent=N1&amp;from="), "the count links to the interactions");
        assertEquals(12, r.body().split("<g class=\"week\"", -1).length - 1, "twelve weeks of trend");
        assertEquals(1, r.body().split("<rect ", -1).length - 1, "a bar only for the week with figures");
        String training = section(r.body(), "hub-training");
        assertTrue(training.contains("Module hub") && training.contains("2099-12-31") && training.contains("Open"), training);
        String attempts = section(r.body(), "hub-attempts");
        assertTrue(attempts.contains("Latest attempts (1 in all)") && attempts.contains("Module hub"), attempts);
        assertTrue(r.body().contains("Edit"), "a supervisor may edit the profile");
    }

    @Test
    void theAgentSeesTheirOwnPageWithoutTheEditButtonAndHrReadsIt() {
        world();
        Api.Reply own = page("agent.north", "/agents/N1");
        assertEquals(200, own.status());
        assertTrue(own.body().contains("75.0 %"));
        assertFalse(own.body().contains("/agents/N1/edit"), "agents do not edit profiles");
        Api.Reply hr = page("hr.lin", "/agents/N1");
        assertEquals(200, hr.status());
        assertTrue(section(hr.body(), "hub-attempts").contains("Module hub"));
        assertFalse(hr.body().contains("/agents/N1/edit"));
    }

    @Test
    void anotherTeamsSupervisorDoesNotFindTheAgent() {
        assertEquals(404, page("sup.south", "/agents/N1").status());
    }

    @Test
    void thePageIsInChineseForAChineseReader() {
        world();
        Api.Reply r = api.exchange(api.browser("sup.north").on(HttpRequest.GET("/agents/N1").accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "zh-CN")));
        assertTrue(r.body().contains("最近 30 天") && r.body().contains("综合得分逐周变化"), "Chinese headings");
    }
}
