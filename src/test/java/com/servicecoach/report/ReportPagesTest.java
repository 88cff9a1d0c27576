package com.servicecoach.report;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report page, the index, last month's shortcut and the thresholds form. */
@MicronautTest(transactional = false)
class ReportPagesTest extends HttpTest {

    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    @Inject
    ReportTestData data;
    @Inject
    Clock clock;

    @Test
    void theReportPageHasEverySectionItsChartsAndTheDownloads() {
        data.generated(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31), 2, 9);
        Api.Reply page = api.get("hr.lin", "/reports/performance?" + MARCH);
        assertEquals(200, page.status(), page.body());
        String html = page.body();
        for (String id : List.of("report-facts", "headline", "teams", "flagged", "ranking", "charts", "chart-bands", "chart-frt",
                "chart-weeks", "training", "certifications", "assessments", "settings-used", "appendix", "agent-N1")) {
            assertTrue(html.contains("id=\"" + id + "\""), "section " + id);
        }
        assertTrue(html.contains("Performance report: All teams, 2026-03"));
        assertTrue(html.contains("王芳") && html.contains("Tom Baker"));
        assertTrue(html.contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js") && html.contains("id=\"canvas-weeks\""), "interactive charts");
        assertTrue(html.contains("<svg") && html.contains("aria-label=\"Rating bands\""), "the server's SVG charts too");
        assertTrue(html.contains("href=\"/reports/performance.pdf?" + MARCH.replace("&", "&amp;") + "\""), "PDF download");
        assertTrue(html.contains("/reports/performance.xlsx?") && html.contains("/reports/performance.csv?"));
        assertTrue(html.contains("from=2026-02-01&amp;to=2026-02-28") && html.contains("from=2026-04-01&amp;to=2026-04-30"), "previous and next month");
        assertTrue(html.contains("Version 0"), "the settings it was computed with");

        String chinese = api.send("hr.lin", HttpRequest.GET("/reports/performance?" + MARCH + "&team=North")
                .header("Accept-Language", "zh-CN")).body();
        assertTrue(chinese.contains("绩效报告：North，2026-03") && chinese.contains("团队对比") && chinese.contains("预警客服"), chinese);
        assertTrue(chinese.contains("<option value=\"\">全部团队</option>"), "HR may switch to all teams");
    }

    @Test
    void aDownloadNamedWithATokenLeavesItsProgressForItsOwnerOnly() {
        data.generated(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 1, 9);
        assertEquals(404, api.get("hr.lin", "/api/reports/progress/tok-123456").status(), "nothing prepared yet");
        assertEquals(200, api.get("hr.lin", "/reports/performance.xlsx?" + MARCH + "&progress=tok-123456").status());
        Map<String, Object> state = api.get("hr.lin", "/api/reports/progress/tok-123456").json();
        assertEquals(Map.of("step", "done", "done", 0, "total", 0, "percent", 100, "finished", true, "failed", false), state);
        assertEquals(404, api.get("admin", "/api/reports/progress/tok-123456").status(), "another user's download");
        assertEquals(404, api.get("sup.north", "/reports/performance.csv?" + MARCH + "&team=South&progress=tok-654321").status());
        assertEquals(true, api.get("sup.north", "/api/reports/progress/tok-654321").json().get("failed"), "a refused download says so");
    }

    @Test
    void supervisorsChooseAmongTheirOwnTeamsOnly() {
        String index = api.get("sup.north", "/reports").body();
        assertTrue(index.contains("<option value=\"North\">North</option>"), index);
        assertFalse(index.contains("South") || index.contains("All teams"), "not another team, not all teams");
        String hr = api.get("hr.lin", "/reports").body();
        assertTrue(hr.contains("All teams") && hr.contains("South") && hr.contains("North"));
        YearMonth last = YearMonth.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).minusMonths(1);
        assertTrue(hr.contains("/reports/performance?from=" + last.atDay(1) + "&amp;to=" + last.atEndOfMonth()), "last month is listed");
        String page = api.get("sup.north", "/reports/performance?" + MARCH + "&team=North").body();
        assertFalse(page.contains("<option value=\"\""), "no all-teams choice for a supervisor");
    }

    @Test
    void lastMonthsReportIsAllTeamsForHrAndTheOwnTeamForASupervisor() {
        YearMonth last = YearMonth.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).minusMonths(1);
        String query = "from=" + last.atDay(1) + "&to=" + last.atEndOfMonth();
        Api.Reply hr = api.get("hr.lin", "/reports/last-month");
        assertEquals(303, hr.status());
        assertEquals("/reports/performance?" + query, location("hr.lin"));
        assertEquals("/reports/performance?" + query + "&team=North", location("sup.north"));
        String home = api.get("hr.lin", "/").body();
        assertTrue(home.contains("href=\"/reports/last-month\""), "the HR home page links to it");
        assertTrue(api.get("sup.north", "/").body().contains("href=\"/reports/last-month\""), "so does the supervisor's");
        assertFalse(api.get("agent.north", "/").body().contains("/reports"), "agents have no reports");
        assertTrue(home.contains("href=\"/reports\""), "menu item");
    }

    String location(String user) {
        return http.toBlocking().exchange(HttpRequest.GET("/reports/last-month").bearerAuth(api.token(user))).header("Location");
    }

    @Test
    void hrSetsTheThresholdsOnTheirPageAndReportsFlagWithThem() {
        data.generated(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 4, 9);
        Api.Reply bad = api.send("hr.lin", HttpRequest.POST("/reports/thresholds", Map.of("csatMin", "101", "firstResponseMin", "x",
                "resolutionMin", "", "knowledgeMin", "60")).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("value=\"101\"") && bad.body().contains("101 is not a percentage from 0 to 100"), bad.body());
        assertEquals(70.0, ((Number) api.get("hr.lin", "/api/reports/thresholds").json().get("csatMin")).doubleValue(), "nothing changed");

        Api.Reply ok = api.send("hr.lin", HttpRequest.POST("/reports/thresholds", Map.of("csatMin", "99.9", "firstResponseMin", "",
                "resolutionMin", "", "knowledgeMin", "")).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(303, ok.status());
        String page = api.get("sup.north", "/reports/thresholds").body();
        assertTrue(page.contains("99.9 %") && page.contains("not checked") && page.contains("hr.lin"), "supervisors read them");
        assertFalse(page.contains("thresholds-form"), "but have no form");

        Map<String, Object> report = api.get("hr.lin", "/api/reports/performance?" + MARCH).json();
        assertEquals(99.9, ((Number) ReportTestData.map(report, "thresholds").get("csatMin")).doubleValue(), "the report states them");
        for (Map<String, Object> a : ReportTestData.list(report, "agents")) {
            Map<String, Object> card = ReportTestData.map(a, "scorecard");
            boolean low = !(Boolean) card.get("insufficientRatings") && ((Number) card.get("csatPercent")).doubleValue() < 99.9;
            List<String> reasons = ReportTestData.list(a, "flags").stream().map(f -> (String) f.get("reason")).toList();
            assertEquals(low ? List.of("csat") : List.of(), reasons, a.get("employeeNo") + " " + card.get("csatPercent"));
        }
    }

    @Test
    void relativeFlagsPutTheBottomOfTheRankingInTheReportWorstFirstEachLinkedToItsScorecard() {
        data.generated(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 4, 9);
        Api.Reply ok = api.send("hr.lin", HttpRequest.POST("/reports/thresholds", Map.of("csatMin", "", "firstResponseMin", "",
                "resolutionMin", "", "knowledgeMin", "", "bottomPercent", "50", "belowTeamPoints", ""))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(303, ok.status());
        Map<String, Object> report = api.get("hr.lin", "/api/reports/performance?" + MARCH).json();
        List<Map<String, Object>> ranked = ReportTestData.list(report, "agents").stream().filter(a -> a.get("rank") != null).toList();
        List<Map<String, Object>> flagged = ReportTestData.list(report, "flagged");
        assertEquals((ranked.size() + 1) / 2, flagged.size(), "half the ranked agents, counted up");
        List<Double> composites = flagged.stream().map(f -> ranked.stream().filter(a -> a.get("employeeNo").equals(f.get("employeeNo")))
                .findFirst().map(a -> ((Number) ReportTestData.map(ReportTestData.map(a, "scorecard"), "composite").get("score")).doubleValue())
                .orElseThrow()).toList();
        assertEquals(composites.stream().sorted().toList(), composites, "worst first");
        String page = api.get("hr.lin", "/reports/performance?" + MARCH).body();
        String first = (String) flagged.get(0).get("employeeNo");
        assertTrue(page.contains("<a href=\"/scorecards/agents/" + first + "?from=2026-03-01&amp;to=2026-03-31\">" + first + "</a>"), "linked");
        assertTrue(page.contains("data-reason=\"bottom_composite\"><td>Bottom of the ranking</td><td class=\"num\">" + flagged.size()),
                "the reasons grouped with their counts");
    }
}
