package com.servicecoach.report;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.servicecoach.report.ReportTestData.list;
import static com.servicecoach.report.ReportTestData.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every figure of a report is the scorecard API's figure for the same period and scope. */
@MicronautTest(transactional = false)
class ReportFiguresTest extends HttpTest {

    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    @Inject
    ReportTestData data;
    @Inject
    TestClock clock;

    @BeforeEach
    void interactions() {
        data.generated(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31), 4, 7);
    }

    @Test
    void everyAgentsAndTeamsScorecardInTheAllTeamsReportIsTheScorecardApis() {
        Api.Reply r = api.get("hr.lin", "/api/reports/performance?" + MARCH);
        assertEquals(200, r.status(), r.body());
        Map<String, Object> report = r.json();
        assertNull(report.get("team"), "all teams");
        List<Map<String, Object>> agents = list(report, "agents");
        assertEquals(List.of("N1", "N2", "S1"), agents.stream().map(a -> (String) a.get("employeeNo")).sorted().toList());
        for (Map<String, Object> a : agents) {
            Map<String, Object> api = this.api.get("hr.lin", "/api/scorecards/agents/" + a.get("employeeNo") + "?" + MARCH).json();
            assertEquals(api, a.get("scorecard"), "agent " + a.get("employeeNo"));
            assertTrue(((Number) api.get("interactions")).intValue() > 50, "the test has data: " + api);
        }
        List<Map<String, Object>> teams = list(report, "teams");
        assertEquals(List.of("North", "South"), teams.stream().map(t -> t.get("team")).toList());
        for (Map<String, Object> t : teams) {
            assertEquals(this.api.get("hr.lin", "/api/scorecards/teams/" + t.get("team") + "?" + MARCH).json(), t.get("scorecard"));
            Map<String, Object> february = this.api.get("hr.lin", "/api/scorecards/teams/" + t.get("team")
                    + "?from=2026-02-01&to=2026-02-28").json();
            assertEquals(map(february, "composite").get("score"), t.get("previousCompositeScore"));
        }
        assertEquals(2, ((Number) teams.get(0).get("agents")).intValue());
    }

    @Test
    void aTeamsReportHasTheTeamScorecardForBothPeriodsAndTheChangeBetweenThem() {
        Map<String, Object> report = api.get("sup.north", "/api/reports/performance?" + MARCH + "&team=North").json();
        assertEquals("North", report.get("team"));
        Map<String, Object> headline = map(report, "headline");
        Map<String, Object> march = api.get("sup.north", "/api/scorecards/teams/North?" + MARCH).json();
        Map<String, Object> february = api.get("sup.north", "/api/scorecards/teams/North?from=2026-02-01&to=2026-02-28").json();
        assertEquals(march, headline.get("current"));
        assertEquals(february, headline.get("previous"));
        assertEquals(Map.of("from", "2026-02-01", "to", "2026-02-28", "kind", "month", "label", "2026-02"), report.get("previousPeriod"));
        Map<String, Object> change = map(headline, "change");
        assertEquals(((Number) march.get("interactions")).intValue() - ((Number) february.get("interactions")).intValue(),
                ((Number) change.get("interactions")).intValue());
        assertEquals(decimal(map(march, "composite").get("score")).subtract(decimal(map(february, "composite").get("score"))),
                decimal(change.get("compositeScore")));
        assertEquals(decimal(march.get("csatPercent")).subtract(decimal(february.get("csatPercent"))), decimal(change.get("csatPercent")));
        assertEquals(List.of("N1", "N2"), list(report, "agents").stream().map(a -> a.get("employeeNo")).sorted().toList());
        for (Map<String, Object> a : list(report, "agents")) {
            assertEquals(api.get("sup.north", "/api/scorecards/agents/" + a.get("employeeNo") + "?" + MARCH).json(), a.get("scorecard"));
        }
    }

    @Test
    void theAllTeamsHeadlineCountsEveryTeamsInteractionsAndItsChartsAddUp() {
        Map<String, Object> report = api.get("admin", "/api/reports/performance?" + MARCH).json();
        Map<String, Object> current = map(map(report, "headline"), "current");
        int sum = 0;
        int rated = 0;
        for (Map<String, Object> t : list(report, "teams")) {
            sum += ((Number) map(t, "scorecard").get("interactions")).intValue();
            rated += ((Number) map(t, "scorecard").get("rated")).intValue();
        }
        assertEquals(sum, ((Number) current.get("interactions")).intValue());
        assertEquals(rated, ((Number) current.get("rated")).intValue());
        Map<String, Object> charts = map(report, "charts");
        assertEquals(current.get("bands"), charts.get("bands"));
        int bucketed = list(charts, "firstResponseTimes").stream().mapToInt(b -> ((Number) b.get("count")).intValue()).sum();
        assertEquals(((Number) current.get("responded")).intValue(), bucketed, "every answered interaction is in one bucket");
        assertEquals(((Number) current.get("interactions")).intValue() - bucketed, ((Number) charts.get("unanswered")).intValue());
        List<Map<String, Object>> weeks = list(charts, "weeks");
        assertEquals("2026-03-01", weeks.get(0).get("from"), "the first week is cut to the period");
        assertEquals("2026-03-01", weeks.get(0).get("to"), "1 March 2026 is a Sunday");
        assertEquals("2026-03-31", weeks.get(weeks.size() - 1).get("to"));
        assertEquals(sum, weeks.stream().mapToInt(w -> ((Number) w.get("interactions")).intValue()).sum());
    }

    @Test
    void theReportStatesItsSettingsAndADataCutOffThatOnlyTheDataMoves() {
        Map<String, Object> first = api.get("hr.lin", "/api/reports/performance?" + MARCH).json();
        Map<String, Object> settings = map(first, "settings");
        assertEquals(0, ((Number) settings.get("version")).intValue(), "the defaults of metrics.md");
        assertEquals("Asia/Shanghai", settings.get("organizationZone"));
        assertNotNull(settings.get("hash"));
        String cutoff = (String) first.get("dataCutoff");
        assertNotNull(cutoff);
        assertEquals(first, api.get("hr.lin", "/api/reports/performance?" + MARCH).json(), "unchanged data, same report");

        // a later import (a minute later: MariaDB's driver keeps whole seconds of the import time)
        clock.advance(java.time.Duration.ofMinutes(1));
        try {
            data.csv("external_id,agent,channel,created_at,first_response_at,rating\nLATE-1,S1,chat,2026-03-20T10:00:00,2026-03-20T10:00:30,10\n");
        } finally {
            clock.reset();
        }
        Map<String, Object> after = api.get("hr.lin", "/api/reports/performance?" + MARCH).json();
        assertTrue(((String) after.get("dataCutoff")).compareTo(cutoff) > 0, after.get("dataCutoff") + " after " + cutoff);
        assertEquals(cutoff, api.get("hr.lin", "/api/reports/performance?" + MARCH + "&team=North").json().get("dataCutoff"),
                "North's data did not change");
        assertNull(api.get("hr.lin", "/api/reports/performance?from=2025-01-01&to=2025-01-31").json().get("dataCutoff"),
                "no interactions, no cut-off");
    }

    @Test
    void aQuarterIsComparedWithTheQuarterBeforeAndOtherDatesWithAsManyDaysBefore() {
        Map<String, Object> q = api.get("hr.lin", "/api/reports/performance?from=2026-01-01&to=2026-03-31").json();
        assertEquals(Map.of("from", "2026-01-01", "to", "2026-03-31", "kind", "quarter", "label", "2026-Q1"), q.get("period"));
        assertEquals("2025-10-01", map(q, "previousPeriod").get("from"));
        Map<String, Object> days = api.get("hr.lin", "/api/reports/performance?from=2026-03-01&to=2026-03-15").json();
        assertEquals(Map.of("from", "2026-02-14", "to", "2026-02-28", "kind", "days", "label", "2026-02-14..2026-02-28"),
                days.get("previousPeriod"));
        assertEquals(api.get("hr.lin", "/api/scorecards/teams/South?from=2026-02-14&to=2026-02-28").json(),
                map(map(api.get("hr.lin", "/api/reports/performance?from=2026-03-01&to=2026-03-15&team=South").json(),
                        "headline"), "previous"));
    }

    @Test
    void missingOrMalformedDatesAre400AndSoIsAPeriodOverAYear() {
        assertEquals(400, api.get("hr.lin", "/api/reports/performance?to=2026-03-31").status());
        assertEquals(400, api.get("hr.lin", "/api/reports/performance?from=2026-03-01").status());
        assertEquals(400, api.get("hr.lin", "/api/reports/performance?from=2026-3-1&to=2026-03-31").status());
        assertEquals(400, api.get("hr.lin", "/api/reports/performance?from=2026-03-31&to=2026-03-01").status());
        assertEquals(400, api.get("hr.lin", "/api/reports/performance.csv?from=march&to=2026-03-31").status());
        assertEquals(400, api.get("hr.lin", "/reports/performance.pdf?from=2026-02-30&to=2026-03-31").status());
        Api.Reply long_ = api.get("hr.lin", "/api/reports/performance?from=2025-01-01&to=2026-03-31");
        assertEquals(400, long_.status());
        assertTrue(long_.body().contains("at most 366 days"), long_.body());
    }

    static BigDecimal decimal(Object n) {
        return new BigDecimal(n.toString());
    }
}
