package com.servicecoach.survey;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Survey figures end to end: responses imported for imported interactions, read through the figures API of an agent,
 * a team and the whole scope, the pages, the remarks search, the definition's versions, and agent-driven dimensions as
 * gaps that recommend the module addressing them.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class SurveyFiguresApiTest extends HttpTest {

    @Inject
    AssessmentFixtures modules;
    @Inject
    TrainingModuleRepository moduleRepository;

    LocalDate today;
    String period;

    /**
     * N1 (North) handled 20 chats on returns, S1 (South) 2 emails. N1's customers rated communication 3 on 15 of the 20
     * and 9 on 5 (25 % satisfied), logistics 8 on all 20; N1's first response rated only logistics (incomplete). S1's two
     * rated everything 10, one with a remark.
     */
    @BeforeEach
    void data() {
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate day = today.minusDays(3);
        period = "from=" + today.minusDays(29) + "&to=" + today;
        StringBuilder csv = new StringBuilder("external_id,agent,channel,category,created_at\n");
        for (int i = 0; i < 20; i++) {
            csv.append("N-").append(i).append(",N1,chat,return_refund,").append(day).append("T10:").append(String.format("%02d", i)).append(":00\n");
        }
        csv.append("S-0,S1,email,logistics,").append(day).append("T11:00:00\n");
        csv.append("S-1,S1,email,logistics,").append(day).append("T11:30:00\n");
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv.toString()).contentType("text/csv")).status());
        String all = String.join(",", SurveyDefinition.reference().codes());
        StringBuilder answers = new StringBuilder("external_id,answered_at,remark," + all + "\n");
        String answered = today.minusDays(2) + "T08:00:00";
        answers.append("N-0,").append(answered).append(",,,,,,,,,,8\n");
        for (int i = 1; i < 20; i++) {
            int comm = i <= 15 ? 3 : 9;
            answers.append("N-").append(i).append(',').append(answered).append(i == 7 ? ",\"The reply did not answer my question\"" : ",")
                    .append(",7,7,7,7,7,7,7,").append(comm).append(",8\n");
        }
        answers.append("S-0,").append(answered).append(",Parcel came fast,10,10,10,10,10,10,10,10,10\n");
        answers.append("S-1,").append(answered).append(",,10,10,10,10,10,10,10,10,10\n");
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/surveys/import", answers.toString()).contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
        assertEquals(22L, ((Number) r.json().get("inserted")).longValue(), r.body());
    }

    static Map<String, Object> dimension(Map<String, Object> figures, String code) {
        return ((List<Map<String, Object>>) figures.get("dimensions")).stream().filter(d -> code.equals(d.get("code"))).findFirst()
                .orElseThrow();
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void anAgentsFiguresFollowMetricsMd() {
        Api.Reply r = api.get("agent.north", "/api/agents/N1/survey?" + period);
        assertEquals(200, r.status(), r.body());
        Map<String, Object> f = (Map<String, Object>) r.json().get("figures");
        assertEquals(20, num(f.get("sent")));
        assertEquals(20, num(f.get("returned")));
        assertEquals(19, num(f.get("complete")), "the first response rated logistics only");
        assertEquals(95.0, num(f.get("validRate")));
        Map<String, Object> comm = dimension(f, "communication");
        // 19 answers: 15 of 3, 4 of 9 -> 4 satisfied, 21.1 %
        assertEquals(19, num(comm.get("answers")));
        assertEquals(4, num(comm.get("satisfied")));
        assertEquals(21.1, num(comm.get("satisfiedPercent")));
        assertEquals("agent", comm.get("driver"));
        // mean (15 x 3 + 4 x 9) / 19 = 81 / 19 = 4.26
        assertEquals(4.26, num(comm.get("mean")));
        Map<String, Object> bands = (Map<String, Object>) comm.get("bands");
        assertEquals(4, num(bands.get("verySatisfied")));
        assertEquals(15, num(bands.get("dissatisfied")));
        Map<String, Object> logistics = dimension(f, "logistics");
        assertEquals(20, num(logistics.get("answers")), "the incomplete response counts for the dimension it answered");
        assertEquals(100.0, num(logistics.get("satisfiedPercent")));
        assertEquals("company", logistics.get("driver"));
        // agent-driven index: attitude, complaint handling, problem solving, return handling 100 % each, communication 21.05..
        assertEquals(84.2, num(f.get("agentDrivenIndex")));
        assertEquals(100.0, num(f.get("companyDrivenIndex")));
    }

    @Test
    void eachReaderSeesTheAgentsTheyMaySee() {
        assertEquals(404, api.get("sup.south", "/api/agents/N1/survey?" + period).status());
        assertEquals(404, api.get("agent.north", "/api/agents/S1/survey?" + period).status());
        assertEquals(403, api.get("agent.north", "/api/surveys/figures?" + period).status());
        Api.Reply hr = api.get("hr.lin", "/api/surveys/figures?" + period);
        assertEquals(200, hr.status(), hr.body());
        Map<String, Object> total = (Map<String, Object>) hr.json().get("total");
        assertEquals(22, num(total.get("returned")));
        // communication over both agents: 4 + 2 of 21
        assertEquals(6, num(dimension(total, "communication").get("satisfied")));
        List<Map<String, Object>> teams = (List<Map<String, Object>>) hr.json().get("teams");
        assertEquals(List.of("North", "South"), teams.stream().map(t -> t.get("team")).toList());
        Api.Reply south = api.get("sup.south", "/api/surveys/figures?" + period);
        Map<String, Object> southTotal = (Map<String, Object>) south.json().get("total");
        assertEquals(2, num(southTotal.get("returned")), "a supervisor's scope is their teams");
        assertEquals(List.of("S1"), ((List<Map<String, Object>>) south.json().get("agents")).stream().map(a -> a.get("employeeNo")).toList());
        assertEquals(404, api.get("sup.south", "/api/surveys/figures?team=North&" + period).status());
        assertEquals(400, api.get("hr.lin", "/api/surveys/figures?from=2026-03-31&to=2026-03-01").status());
    }

    @Test
    void remarksAreSearchableAndALowDimensionListsItsAnswers() {
        Api.Reply all = api.get("hr.lin", "/api/surveys/remarks?" + period);
        assertEquals(2, num(all.json().get("totalElements")), all.body());
        Api.Reply found = api.get("hr.lin", "/api/surveys/remarks?q=PARCEL&" + period);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) found.json().get("content");
        assertEquals(1, rows.size(), found.body());
        assertEquals("S-0", rows.get(0).get("externalId"));
        assertEquals("Parcel came fast", rows.get(0).get("remark"));
        // the agent sees the remarks of their own contacts only
        Api.Reply own = api.get("agent.north", "/api/surveys/remarks?" + period);
        assertEquals(1, num(own.json().get("totalElements")), own.body());
        // the answers below 7 to communication: N1's 15 threes, with or without a remark
        Api.Reply low = api.get("sup.north", "/api/surveys/remarks?agent=N1&dimension=communication&" + period);
        assertEquals(15, num(low.json().get("totalElements")), low.body());
        assertTrue(((List<Map<String, Object>>) low.json().get("content")).stream().allMatch(m -> num(m.get("score")) == 3));
        // each remark links to its contact: the interactions list finds it by its helpdesk id
        Api.BrowserSession hrPages = api.browser("hr.lin");
        Api.Reply remarksPage = api.exchange(hrPages.on(HttpRequest.GET("/surveys/remarks?q=parcel&" + period).accept(MediaType.TEXT_HTML_TYPE)));
        assertTrue(remarksPage.body().contains("/interactions?externalId=S-0&amp;agent=S1")
                || remarksPage.body().contains("/interactions?externalId=S-0&agent=S1"), remarksPage.body());
        List<Map<String, Object>> contact = api.get("hr.lin", "/api/interactions?externalId=S-0").content();
        assertEquals(1, contact.size());
        assertEquals("S-0", contact.get(0).get("externalId"));
        // one team's remarks (the team page's link): South's only
        Api.Reply south = api.get("hr.lin", "/api/surveys/remarks?team=South&" + period);
        assertEquals(1, num(south.json().get("totalElements")), south.body());
        assertEquals(404, api.get("sup.south", "/api/surveys/remarks?team=North&" + period).status());
        // a '%' is a character searched for, not a wildcard
        assertEquals(0, num(api.get("hr.lin", "/api/surveys/remarks?q=%25&" + period).json().get("totalElements")));
    }

    @Test
    void aWeakAgentDrivenDimensionIsAGapThatRecommendsItsModule() {
        TrainingModule m = modules.standard("wc", AssessmentFixtures.Settings.plain());
        moduleRepository.update(new TrainingModule(m.id(), m.code(), m.version(), m.contentHash(), m.titleEn(), m.titleZh(), m.summaryEn(),
                m.summaryZh(), m.skills(), m.categories(), m.estimatedMinutes(), m.passMark(), m.certificationMonths(),
                m.timeLimitMinutes(), m.attemptsAllowed(), m.gradingMethod(), m.questionCount(), m.shuffleQuestions(),
                m.shuffleOptions(), m.layout(), m.review(), true, m.syncedAt(), m.drawTags(), "survey:communication//"));
        Api.Reply r = api.get("sup.north", "/api/agents/N1/gaps?" + period);
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> gaps = (List<Map<String, Object>>) r.json().get("gaps");
        List<Map<String, Object>> comm = gaps.stream().filter(g -> "survey:communication".equals(g.get("figure"))).toList();
        // 4 of 19: 21.1 %, upper end of its interval 43.3 % < 80: overall, on chat and on returns
        assertEquals(3, comm.size(), r.body());
        Map<String, Object> overall = comm.stream().filter(g -> g.get("slice") == null).findFirst().orElseThrow();
        assertEquals(21.1, num(overall.get("value")));
        assertEquals(80, num(overall.get("target")));
        assertEquals(List.of("wc"), ((List<Map<String, Object>>) overall.get("modules")).stream().map(x -> x.get("module")).toList());
        assertTrue(((String) overall.get("evidence")).startsWith("/surveys/remarks?agent=N1&"), overall.get("evidence").toString());
        assertTrue(((String) overall.get("evidence")).endsWith("&dimension=communication"));
        // company-driven dimensions never make gaps; a strong dimension is no gap
        assertFalse(gaps.stream().anyMatch(g -> ((String) g.get("figure")).startsWith("survey:logistics")));
        assertFalse(gaps.stream().anyMatch(g -> "survey:attitude".equals(g.get("figure"))));
        // the evidence page lists those answers
        Api.Reply page = api.get("sup.north", (String) overall.get("evidence"));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id=\"dimension-filter\""), page.body());
    }

    @Test
    void theDefinitionIsVersionedAndValidated() {
        Api.Reply before = api.get("agent.north", "/api/surveys/definition");
        assertEquals(0, num(before.json().get("version")));
        Map<String, Object> bad = new HashMap<>();
        bad.put("dimensions", List.of(Map.of("code", "Bad Code", "en", "", "zh", "好", "driver", "shop", "target", 120)));
        bad.put("linkDays", 0);
        bad.put("submissionsPerHour", 5);
        Api.Reply refused = api.put("admin", "/api/surveys/definition", bad);
        assertEquals(422, refused.status(), refused.body());
        for (String field : List.of("dimensions[0].code", "dimensions[0].en", "dimensions[0].driver", "dimensions[0].target", "linkDays")) {
            assertTrue(refused.body().contains(field), field + " in " + refused.body());
        }
        assertEquals(0, num(api.get("admin", "/api/surveys/definition").json().get("version")), "nothing stored");
        Map<String, Object> two = Map.of("dimensions", List.of(
                Map.of("code", "communication", "en", "Communication", "zh", "沟通", "driver", "agent", "target", 70),
                Map.of("code", "logistics", "en", "Delivery", "zh", "物流", "driver", "company", "target", 80)),
                "linkDays", 7, "submissionsPerHour", 20);
        Api.Reply saved = api.put("admin", "/api/surveys/definition", two);
        assertEquals(200, saved.status(), saved.body());
        assertEquals(1, num(saved.json().get("version")));
        assertEquals(1, num(api.put("admin", "/api/surveys/definition", two).json().get("version")), "the same content adds no version");
        assertEquals(403, api.put("sup.north", "/api/surveys/definition", two).status());
        // figures follow the current dimensions: two of them, communication against its own target
        Map<String, Object> f = (Map<String, Object>) api.get("agent.north", "/api/agents/N1/survey?" + period).json().get("figures");
        assertEquals(List.of("communication", "logistics"), ((List<Map<String, Object>>) f.get("dimensions")).stream()
                .map(d -> d.get("code")).toList());
        assertEquals(21.1, num(f.get("agentDrivenIndex")));
    }

    @Test
    void thePagesShowTheSurveyInBothLanguages() {
        Api.BrowserSession hr = api.browser("hr.lin");
        Api.Reply en = api.exchange(hr.on(HttpRequest.GET("/surveys?" + period).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(200, en.status(), en.body());
        assertTrue(en.body().contains("id=\"agent-driven\"") && en.body().contains("id=\"company-driven\""));
        assertTrue(en.body().contains("Communication and cooperation"));
        assertTrue(en.body().contains("22 of 22 surveys returned"), "the counts line");
        assertTrue(en.body().contains("<svg"), "the chart");
        Api.Reply zh = api.exchange(hr.on(HttpRequest.GET("/surveys?" + period).accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "zh-CN")));
        assertTrue(zh.body().contains("沟通与配合") && zh.body().contains("客服驱动的维度"), zh.body());
        Api.BrowserSession agent = api.browser("agent.north");
        Api.Reply card = api.exchange(agent.on(HttpRequest.GET("/scorecards/agents/N1?" + period).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(200, card.status());
        assertTrue(card.body().contains("id=\"survey-section\""), "the agent's scorecard has the survey");
        assertTrue(card.body().contains("21.1%"), "communication on the agent's scorecard");
        Api.BrowserSession north = api.browser("sup.north");
        Api.Reply team = api.exchange(north.on(HttpRequest.GET("/scorecards/teams/North?" + period).accept(MediaType.TEXT_HTML_TYPE)));
        assertTrue(team.body().contains("id=\"survey-section\""), "the team page has the survey");
        Api.Reply bad = api.exchange(hr.on(HttpRequest.GET("/surveys?from=2026-03-31&to=2026-03-01").accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(422, bad.status(), "a reversed period re-renders the form");
        assertEquals(403, api.exchange(agent.on(HttpRequest.GET("/surveys").accept(MediaType.TEXT_HTML_TYPE))).status());
    }

    @Test
    void administratorsEditTheDimensionsOnTheirPage() {
        Api.BrowserSession admin = api.browser("admin");
        Api.Reply form = api.exchange(admin.on(HttpRequest.GET("/admin/survey").accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(200, form.status());
        assertTrue(form.body().contains("value=\"communication\""));
        Map<String, String> fields = new HashMap<>(SurveyPageController.values(SurveyDefinition.reference()));
        fields.put("d9.code", "delivery_care");
        fields.put("d9.en", "Care of the parcel");
        fields.put("d9.zh", "包裹的完好");
        fields.put("d9.driver", "company");
        fields.put("d9.target", "75.5");
        fields.put("d2.code", "");
        fields.put("d2.en", "");
        fields.put("d2.zh", "");
        fields.put("d2.target", "");
        fields.put("_csrf", admin.csrf());
        Api.Reply saved = api.exchange(admin.on(HttpRequest.POST("/admin/survey", fields).contentType(MediaType.APPLICATION_FORM_URLENCODED)));
        assertEquals(303, saved.status(), saved.body());
        Map<String, Object> def = (Map<String, Object>) api.get("admin", "/api/surveys/definition").json().get("definition");
        List<String> codes = ((List<Map<String, Object>>) def.get("dimensions")).stream().map(d -> (String) d.get("code")).toList();
        assertEquals(9, codes.size());
        assertFalse(codes.contains("price"), "an emptied row removes its dimension");
        assertEquals("delivery_care", codes.get(8));
        fields.put("d9.target", "abc");
        fields.put("linkDays", "0");
        Api.Reply refused = api.exchange(admin.on(HttpRequest.POST("/admin/survey", fields).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Accept-Language", "zh-CN")));
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("目标是 0 到 100 的百分比"), refused.body());
        assertTrue(refused.body().contains("请填写 1 到 365 的整数"), refused.body());
    }

    @Test
    void theHrReportHasTheSurveyLaidOutAsTheReferenceSurvey() {
        Api.Reply r = api.get("hr.lin", "/api/reports/performance?" + period);
        assertEquals(200, r.status(), r.body());
        Map<String, Object> survey = (Map<String, Object>) r.json().get("survey");
        assertEquals(22, num(survey.get("returned")));
        assertEquals(21, num(survey.get("complete")));
        assertEquals(95.5, num(survey.get("validRate")), "21 of 22");
        List<Map<String, Object>> dims = (List<Map<String, Object>>) survey.get("dimensions");
        assertEquals(SurveyDefinition.reference().codes(), dims.stream().map(d -> d.get("code")).toList());
        Map<String, Object> comm = dims.stream().filter(d -> "communication".equals(d.get("code"))).findFirst().orElseThrow();
        assertEquals(28.6, num(comm.get("satisfiedPercent")), "6 of 21");
        assertEquals("沟通与配合", comm.get("zh"));
        List<Map<String, Object>> teams = (List<Map<String, Object>>) survey.get("teams");
        assertEquals(List.of("North", "South"), teams.stream().map(t -> t.get("team")).toList());
        assertEquals(100.0, num(teams.get(1).get("agentDrivenIndex")));
        assertEquals(2, num(survey.get("remarks")));
        assertEquals(2, ((List<?>) survey.get("latestRemarks")).size());
        // each agent's row: responses returned and the indexes, as the CSV has them
        Map<String, Object> n1Row = ((List<Map<String, Object>>) r.json().get("agents")).stream()
                .filter(a -> "N1".equals(a.get("employeeNo"))).findFirst().orElseThrow();
        Map<String, Object> n1Survey = (Map<String, Object>) n1Row.get("survey");
        assertEquals(20, num(n1Survey.get("returned")));
        assertEquals(84.2, num(n1Survey.get("agentDrivenIndex")));
        String csv = api.get("hr.lin", "/api/reports/performance.csv?" + period).body();
        assertTrue(csv.contains("survey_agent_driven_index_percent"), "the CSV column");
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("N1,") && l.contains(",20,84.2,100.0,")), csv);
        // a team's report counts that team's agents only
        Map<String, Object> south = (Map<String, Object>) api.get("hr.lin", "/api/reports/performance?team=South&" + period).json().get("survey");
        assertEquals(2, num(south.get("returned")));
        // the page and the HTML document show the section in the reader's language
        Api.BrowserSession hr = api.browser("hr.lin");
        Api.Reply page = api.exchange(hr.on(HttpRequest.GET("/reports/performance?" + period).accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "zh-CN")));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id=\"survey-agent\"") && page.body().contains("id=\"survey-company\""), page.body());
        assertTrue(page.body().contains("按维度的客户调查"));
        Api.Reply pdf = api.get("hr.lin", "/api/reports/performance.pdf?" + period);
        assertEquals(200, pdf.status());
    }

    @Inject
    SurveyService surveys;
    @Inject
    com.servicecoach.agent.AgentRepository agents;

    @Test
    void trainingImpactReadsADimensionsDailyCounts() {
        long n1 = agents.findByEmployeeNo("N1").orElseThrow().id();
        long s1 = agents.findByEmployeeNo("S1").orElseThrow().id();
        LocalDate day = today.minusDays(3);
        Map<Long, com.servicecoach.scoring.DailyRates> all = surveys.dailyRates("communication", null, null, List.of(n1, s1),
                today.minusDays(10), today);
        assertEquals(new com.servicecoach.scoring.DailyRates.Counts(4, 19), all.get(n1).window(day, day));
        assertEquals(new com.servicecoach.scoring.DailyRates.Counts(0, 0), all.get(n1).window(day.plusDays(1), today));
        assertEquals(new com.servicecoach.scoring.DailyRates.Counts(2, 2), all.get(s1).window(today.minusDays(10), today));
        // on one slice: S1's are emails about logistics, N1's chats about returns
        Map<Long, com.servicecoach.scoring.DailyRates> email = surveys.dailyRates("communication", "email", null, List.of(n1, s1),
                today.minusDays(10), today);
        assertEquals(java.util.Set.of(s1), email.keySet());
        Map<Long, com.servicecoach.scoring.DailyRates> returns = surveys.dailyRates("communication", null, "return_refund",
                List.of(n1), today.minusDays(10), today);
        assertEquals(new com.servicecoach.scoring.DailyRates.Counts(4, 19), returns.get(n1).window(day, day));
    }
}
