package com.servicecoach.coaching;

import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coaching activity per team and agent for a period: sessions held, actions done, actions overdue; on the team's
 * scorecard page, in the API, and in the HR report (JSON, page, CSV, XLSX, PDF), where overdue is counted as of the
 * period's end.
 *
 * <p>N1: session A held two days ago (an action due yesterday still open, one due tomorrow, one done now) and session
 * B held 25 days ago (an action due 20 days ago still open, one due 22 days ago done only now); N2: a session 40 days
 * ago without actions; S1: a session five days ago with an action due three days ago, open.
 */
@MicronautTest(transactional = false)
class CoachingActivityTest extends HttpTest {

    @Inject
    CoachingActivity activity;
    @Inject
    AgentRepository agents;

    LocalDate today;
    /** The last ten days, today included. */
    String recent;
    /** 30 to 15 days ago: session B's period, over before its late action was done. */
    String earlier;

    @BeforeEach
    void sessions() {
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        recent = "from=" + today.minusDays(10) + "&to=" + today;
        earlier = "from=" + today.minusDays(30) + "&to=" + today.minusDays(15);
        List<Long> a = session("sup.north", "N1", 2, -1, 1, 3);
        done(a.get(2));
        List<Long> b = session("sup.north", "N1", 25, -20, -22);
        done(b.get(1));
        session("sup.north", "N2", 40);
        session("sup.south", "S1", 5, -3);
    }

    /** A session held {@code daysAgo}, with an action due on each of these days from today. */
    List<Long> session(String supervisor, String agent, int daysAgo, int... due) {
        List<Map<String, Object>> actions = new java.util.ArrayList<>();
        for (int d : due) {
            actions.add(Map.of("text", "Action due " + d, "owner", "agent", "dueOn", today.plusDays(d).toString()));
        }
        Api.Reply r = api.post(supervisor, "/api/agents/" + agent + "/coaching", Map.of("heldOn", today.minusDays(daysAgo).toString(),
                "focus", "Returns", "actions", actions));
        assertEquals(201, r.status(), r.body());
        return CoachingTest.actions(r).stream().map(x -> ((Number) x.get("id")).longValue()).toList();
    }

    void done(long action) {
        assertEquals(200, api.post("sup.north", "/api/coaching/actions/" + action + "/done", Map.of()).status());
    }

    long id(String no) {
        return agents.findByEmployeeNo(no).map(Agent::id).orElseThrow();
    }

    static Map<String, Object> counts(int held, int done, int overdue) {
        return Map.of("sessionsHeld", held, "actionsDone", done, "actionsOverdue", overdue);
    }

    static Map<String, Object> countsOf(Map<String, Object> m) {
        Map<String, Object> out = new HashMap<>();
        for (String k : List.of("sessionsHeld", "actionsDone", "actionsOverdue")) {
            out.put(k, ((Number) m.get(k)).intValue());
        }
        return out;
    }

    @Test
    void sessionsHeldActionsDoneAndActionsOverdueAreCountedForThePeriod() {
        Map<Long, CoachingActivity.Counts> now = activity.of(List.of(id("N1"), id("N2"), id("S1")), today.minusDays(10), today);
        assertEquals(new CoachingActivity.Counts(1, 2, 2), now.get(id("N1")),
                "session A; both actions done today; overdue the one due yesterday and the one due 20 days ago");
        assertEquals(CoachingActivity.Counts.NONE, now.get(id("N2")), "a session long before the period");
        assertEquals(new CoachingActivity.Counts(1, 0, 1), now.get(id("S1")));

        Map<Long, CoachingActivity.Counts> before = activity.of(List.of(id("N1")), today.minusDays(30), today.minusDays(15));
        assertEquals(new CoachingActivity.Counts(1, 0, 1), before.get(id("N1")),
                "session B; nothing done then; overdue only what fell due by the period's end and is open now");
        assertEquals(Map.of(), activity.of(List.of(), today.minusDays(10), today));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiGivesEachTeamAndItsAgentsToWhoeverMaySeeThem() {
        Api.Reply north = api.get("sup.north", "/api/coaching/activity?" + recent);
        assertEquals(200, north.status(), north.body());
        List<Map<String, Object>> teams = (List<Map<String, Object>>) north.json().get("teams");
        assertEquals(List.of("North"), teams.stream().map(t -> t.get("team")).toList());
        assertEquals(counts(1, 2, 2), countsOf(teams.get(0)));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) teams.get(0).get("agents");
        assertEquals(List.of("N1", "N2"), rows.stream().map(r -> r.get("employeeNo")).toList());
        assertEquals(counts(0, 0, 0), countsOf(rows.get(1)));

        Map<String, Object> all = api.get("hr.lin", "/api/coaching/activity?" + recent).json();
        assertEquals(counts(2, 2, 3), countsOf((Map<String, Object>) all.get("total")));
        assertEquals(2, ((List<?>) all.get("teams")).size());
        assertEquals(404, api.get("sup.north", "/api/coaching/activity?" + recent + "&team=South").status());
        assertEquals(403, api.get("agent.north", "/api/coaching/activity?" + recent).status());
        assertEquals(400, api.get("sup.north", "/api/coaching/activity?from=" + today).status(), "both dates");
    }

    @Test
    void theTeamsScorecardPageShowsEachAgentsCoachingAndTheTeamsTotal() {
        String page = api.exchange(api.browser("sup.north").on(HttpRequest.GET("/scorecards/teams/North?" + recent)
                .accept(MediaType.TEXT_HTML_TYPE))).body();
        int at = page.indexOf("id=\"coaching-table\"");
        assertTrue(at > 0, page);
        String table = page.substring(at, page.indexOf("</table>", at));
        String n1 = table.substring(table.indexOf("data-agent=\"N1\""), table.indexOf("</tr>", table.indexOf("data-agent=\"N1\"")));
        assertTrue(n1.replaceAll("\\s+", "").contains("<tdclass=\"num\">1</td><tdclass=\"num\">2</td><tdclass=\"numworse\">2</td>"), n1);
        String total = table.substring(table.indexOf("id=\"coaching-total\""));
        assertTrue(total.replaceAll("\\s+", "").contains("<tdclass=\"num\">1</td><tdclass=\"num\">2</td><tdclass=\"numworse\">2</td>"), total);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportCountsCoachingPerTeamAndAgentWithOverdueAsOfThePeriodsEnd() throws Exception {
        Map<String, Object> report = api.get("hr.lin", "/api/reports/performance?" + recent).json();
        Map<String, Object> coaching = (Map<String, Object>) report.get("coaching");
        assertEquals(today.toString(), coaching.get("asOf"), "a period running today is counted as of today");
        assertEquals(counts(2, 2, 3), countsOf((Map<String, Object>) coaching.get("total")));
        Map<String, Map<String, Object>> teams = new HashMap<>();
        ((List<Map<String, Object>>) report.get("teams")).forEach(t -> teams.put((String) t.get("team"), (Map<String, Object>) t.get("coaching")));
        assertEquals(counts(1, 2, 2), countsOf(teams.get("North")));
        assertEquals(counts(1, 0, 1), countsOf(teams.get("South")));
        Map<String, Map<String, Object>> byAgent = new HashMap<>();
        ((List<Map<String, Object>>) report.get("agents")).forEach(a -> byAgent.put((String) a.get("employeeNo"), (Map<String, Object>) a.get("coaching")));
        assertEquals(counts(1, 2, 2), countsOf(byAgent.get("N1")));
        assertEquals(counts(0, 0, 0), countsOf(byAgent.get("N2")));

        // a past period: the action due 22 days ago was still open when the period ended, so it counts as overdue there
        Map<String, Object> past = api.get("hr.lin", "/api/reports/performance?" + earlier + "&team=North").json();
        assertEquals(today.minusDays(15).toString(), ((Map<String, Object>) past.get("coaching")).get("asOf"));
        Map<String, Object> n1 = (Map<String, Object>) ((List<Map<String, Object>>) past.get("agents")).stream()
                .filter(a -> a.get("employeeNo").equals("N1")).findFirst().orElseThrow().get("coaching");
        assertEquals(counts(1, 0, 2), countsOf(n1));
        Map<String, Object> live = ((List<Map<String, Object>>) ((List<Map<String, Object>>) api.get("hr.lin",
                "/api/coaching/activity?" + earlier + "&team=North").json().get("teams")).get(0).get("agents")).get(0);
        assertEquals(counts(1, 0, 1), countsOf(live), "the live figure: done by now, so no longer overdue");

        String csv = api.get("hr.lin", "/api/reports/performance.csv?" + recent).body().substring(1);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        CSVRecord n1Row = rows.stream().filter(r -> r.get("employee_no").equals("N1")).findFirst().orElseThrow();
        assertEquals(List.of("1", "2", "2"), List.of(n1Row.get("coaching_sessions_held"), n1Row.get("coaching_actions_done"),
                n1Row.get("coaching_actions_overdue")));

        byte[] xlsx = download("/api/reports/performance.xlsx?" + recent);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> sheet;
            try (Stream<Row> s = wb.findSheet("Teams").orElseThrow().openStream()) {
                sheet = s.toList();
            }
            List<String> header = new java.util.ArrayList<>();
            sheet.get(0).forEach(c -> header.add(c.getText()));
            int held = header.indexOf("coaching_sessions_held");
            assertTrue(held > 0, header.toString());
            assertEquals("North", sheet.get(1).getCellText(0));
            assertEquals(List.of(1, 2, 2), List.of(sheet.get(1).getCellAsNumber(held).orElseThrow().intValue(),
                    sheet.get(1).getCellAsNumber(held + 1).orElseThrow().intValue(), sheet.get(1).getCellAsNumber(held + 2).orElseThrow().intValue()));
            try (Stream<Row> s = wb.findSheet("Agents").orElseThrow().openStream()) {
                List<String> agentHeader = new java.util.ArrayList<>();
                s.findFirst().orElseThrow().forEach(c -> agentHeader.add(c.getText()));
                assertTrue(agentHeader.containsAll(List.of("coaching_sessions_held", "coaching_actions_done", "coaching_actions_overdue")));
            }
        }

        String page = api.get("hr.lin", "/reports/performance?" + recent).body();
        int at = page.indexOf("id=\"coaching\"");
        assertTrue(at > 0, "a coaching section on the page");
        String section = page.substring(at, page.indexOf("</section>", at));
        assertTrue(section.contains("id=\"coaching-agents-table\"") && section.contains("data-agent=\"S1\""), section);
        assertTrue(page.contains("1 sessions held, 2 actions done, 2 actions overdue"), "on the agent's page of the appendix");

        try (PDDocument pdf = Loader.loadPDF(download("/api/reports/performance.pdf?" + recent))) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Coaching") && text.contains("Sessions held") && text.contains("Actions overdue"), "in the PDF");
        }
        String zh = new String(http.toBlocking().exchange(HttpRequest.GET("/reports/performance?" + recent).bearerAuth(api.token("hr.lin"))
                .header("Accept-Language", "zh-CN"), byte[].class).body(), StandardCharsets.UTF_8);
        assertTrue(zh.contains("辅导次数"), "in Chinese too");
    }

    byte[] download(String path) {
        HttpResponse<byte[]> r = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(api.token("hr.lin")), byte[].class);
        return r.body();
    }
}
