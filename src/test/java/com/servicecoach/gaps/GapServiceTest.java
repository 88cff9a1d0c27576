package com.servicecoach.gaps;

import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent's gaps through the API and on their page: evidence, the modules that address them, one-click assign. */
@MicronautTest(transactional = false)
class GapServiceTest extends HttpTest {

    @Inject
    AssessmentFixtures fixtures2;
    @Inject
    TrainingModuleRepository modules;

    LocalDate today;
    String period;

    @BeforeEach
    void data() {
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        period = "from=" + today.minusDays(29) + "&to=" + today;
        StringBuilder csv = new StringBuilder("external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n");
        LocalDate day = today.minusDays(3);
        for (int i = 0; i < 20; i++) {
            String h = String.format("%02d", 1 + i / 2);
            String m = i % 2 == 0 ? "00" : "30";
            csv.append("G-").append(i).append(",N1,chat,return_refund,").append(day).append('T').append(h).append(':').append(m).append(":00,")
                    .append(day).append('T').append(h).append(':').append(m).append(":20,").append(day).append('T').append(h).append(':')
                    .append(m).append(":50,").append(i < 8 ? 9 : 3).append(",10,\n");
        }
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv.toString()).contentType("text/csv")).status());
        TrainingModule m = fixtures2.standard("rr", AssessmentFixtures.Settings.plain());
        modules.update(new TrainingModule(m.id(), m.code(), m.version(), m.contentHash(), m.titleEn(), m.titleZh(), m.summaryEn(),
                m.summaryZh(), m.skills(), m.categories(), m.estimatedMinutes(), m.passMark(), m.certificationMonths(),
                m.timeLimitMinutes(), m.attemptsAllowed(), m.gradingMethod(), m.questionCount(), m.shuffleQuestions(),
                m.shuffleOptions(), m.layout(), m.review(), true, m.syncedAt(), m.drawTags(), "csat//return_refund"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCredibleShortfallIsAGapWithItsEvidenceAndTheModuleThatAddressesIt() {
        Api.Reply r = api.get("sup.north", "/api/agents/N1/gaps?" + period);
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> gaps = (List<Map<String, Object>>) r.json().get("gaps");
        // 8 of 20 ratings satisfied: CSAT 40 %, its interval's upper end 61.3 %, below 80: overall, on returns and on
        // chat (each slice is a gap of its own), in that order (same size and n: overall, then the slices by name)
        assertEquals(3, gaps.size(), r.body());
        Map<String, Object> overall = gaps.get(0);
        Map<String, Object> returns = gaps.get(1);
        assertEquals("chat", gaps.get(2).get("slice"));
        assertEquals(61.3, ((Number) overall.get("upper95")).doubleValue(), 1e-9, "rounded as a percentage");
        assertEquals("csat", overall.get("figure"));
        assertEquals(null, overall.get("slice"));
        assertEquals(40.0, ((Number) overall.get("size")).doubleValue(), 1e-9);
        assertEquals("return_refund", returns.get("slice"));
        assertEquals(List.of(), gaps.get(0).get("modules"), "no module addresses CSAT overall");
        assertEquals("rr", ((List<Map<String, Object>>) gaps.get(1).get("modules")).get(0).get("module"));
        assertEquals("/interactions?agent=N1&" + period + "&category=return_refund&sort=rating,asc", gaps.get(1).get("evidence"));

        assertEquals(404, api.get("sup.south", "/api/agents/N1/gaps?" + period).status());
        assertEquals(200, api.get("agent.north", "/api/agents/N1/gaps?" + period).status(), "an agent reads their own");
        assertEquals(400, api.get("sup.north", "/api/agents/N1/gaps?from=2025-01-01&to=2026-06-30").status(), "at most 366 days");
    }

    @Test
    void theAgentsPageListsTheGapsAndAssigningTheRecommendedModuleIsOneClick() {
        String hub = page("sup.north", "/agents/N1");
        int at = hub.indexOf("data-gap=\"csat:return_refund\"");
        assertTrue(at > 0, hub);
        String row = hub.substring(at, hub.indexOf("</tr>", at));
        String assign = "/assignments/new?module=rr&amp;agent=N1&amp;dueOn=" + today.plusDays(14);
        assertTrue(row.contains(assign) && row.contains("40.0 points"), row);

        String form = page("sup.north", assign.replace("&amp;", "&"));
        assertTrue(form.contains("value=\"agents\" checked"), "to the agent, not the team");
        assertTrue(form.contains("name=\"agent_N1\" checked"), "the agent ticked");
        assertTrue(form.contains("value=\"" + today.plusDays(14) + "\""), "the proposed due date");
        assertTrue(!page("agent.north", "/agents/N1").contains("/assignments/new?"), "agents do not assign");
    }

    String page(String user, String path) {
        return api.exchange(api.browser(user).on(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE))).body();
    }
}
