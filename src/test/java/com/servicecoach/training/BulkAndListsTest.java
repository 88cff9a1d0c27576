package com.servicecoach.training;

import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lists' bulk actions, CSV downloads and the training matrix of all of a supervisor's teams. */
@MicronautTest(transactional = false)
class BulkAndListsTest extends HttpTest {

    @Inject
    AssessmentFixtures modules;

    long first;
    long second;
    long southern;
    static final String DUE = LocalDate.now().plusDays(20).toString();

    @BeforeEach
    void assignments() {
        modules.standard("bk1", AssessmentFixtures.Settings.plain());
        modules.standard("bk2", AssessmentFixtures.Settings.plain());
        first = id(api.post("sup.north", "/api/assignments", Map.of("module", "bk1", "team", "North", "dueOn", DUE)));
        second = id(api.post("sup.north", "/api/assignments", Map.of("module", "bk2", "agents", List.of("N1"), "dueOn", DUE)));
        southern = id(api.post("sup.south", "/api/assignments", Map.of("module", "bk1", "team", "South", "dueOn", DUE)));
    }

    static long id(Api.Reply r) {
        assertEquals(201, r.status(), r.body());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    Api.Reply bulk(String user, Map<String, Object> body) {
        return api.post(user, "/api/assignments/bulk", body);
    }

    String dueOf(long id) {
        return (String) api.get("admin", "/api/assignments/" + id).json().get("dueOn");
    }

    @Test
    void aNewDueDateForSeveralAssignmentsAtOnceAndNothingWhenOneIsNotTheSupervisors() {
        String later = LocalDate.now().plusDays(40).toString();
        Api.Reply done = bulk("sup.north", Map.of("action", "due_date", "ids", List.of(first, second), "dueOn", later));
        assertEquals(200, done.status(), done.body());
        assertEquals(2, ((Number) done.json().get("assignments")).intValue());
        assertEquals(later, dueOf(first));
        assertEquals(later, dueOf(second));

        String other = LocalDate.now().plusDays(50).toString();
        assertEquals(404, bulk("sup.north", Map.of("action", "due_date", "ids", List.of(first, southern), "dueOn", other)).status(),
                "South's assignment is not North's supervisor's");
        assertEquals(later, dueOf(first), "all or nothing: the first one kept its date");
        Api.Reply bad = bulk("sup.north", Map.of("action", "due_date", "ids", List.of(first), "dueOn", "31/12/2026"));
        assertEquals(422, bad.status());
        assertEquals(422, bulk("sup.north", Map.of("action", "archive", "ids", List.of(first))).status());
        assertEquals(422, bulk("sup.north", Map.of("action", "cancel", "ids", List.of())).status(), "no line ticked");
        assertEquals(403, bulk("hr.lin", Map.of("action", "cancel", "ids", List.of(first))).status());
    }

    @Test
    void cancellingAndRemindingFromTheListPage() {
        Map<String, String> form = Map.of("_csrf", api.browser("sup.north").csrf(), "action", "remind", "id_" + first, "on",
                "id_" + second, "on");
        Api.Reply reminded = api.exchange(api.browser("sup.north").on(HttpRequest.POST("/assignments/bulk", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(303, reminded.status(), reminded.body());
        String page = api.exchange(api.browser("sup.north").on(HttpRequest.GET(reminded.location()).accept(MediaType.TEXT_HTML_TYPE))).body();
        assertTrue(page.contains("id=\"bulk-done\""), page);
        List<Map<String, Object>> notes = api.get("agent.north", "/api/notifications").content();
        assertTrue(notes.stream().anyMatch(n -> n.get("kind").equals("assignment.reminder")), notes.toString());
        Api.Reply again = bulk("sup.north", Map.of("action", "remind", "ids", List.of(first, second)));
        assertEquals(0, ((Number) again.json().get("reminded")).intValue(), "once a day");

        Api.Reply cancelled = bulk("sup.north", Map.of("action", "cancel", "ids", List.of(first, second)));
        assertEquals(2, ((Number) cancelled.json().get("assignments")).intValue());
        assertEquals(404, api.get("sup.north", "/api/assignments/" + first).status());
        assertEquals(200, api.get("sup.south", "/api/assignments/" + southern).status(), "South's untouched");
    }

    @Test
    void theListsDownloadAsCsvWithTheirFilters() {
        String agents = csv("sup.north", "/agents.csv?team=North");
        assertTrue(agents.startsWith("\uFEFFemployee_no,name,email,team,channels,hired_on,status,helpdesk_id\r\n"), agents);
        assertTrue(agents.contains("N1,Li Na,") && agents.contains("王芳") && !agents.contains("Tom Baker"), agents);
        String lines = csv("sup.north", "/assignments.csv?module=bk2");
        assertEquals(2, lines.split("\r\n").length, "the header and N1's line: " + lines);
        assertTrue(lines.contains(",N1,Li Na,North,bk2,"), lines);
        String csv = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n"
                + "L-1,N1,chat,logistics,2026-03-02T10:00:00,2026-03-02T10:00:30,2026-03-02T11:00:00,9,10,=HYPERLINK(\"x\")\n"
                + "L-2,N2,chat,logistics,2026-03-03T10:00:00,,,,,\n";
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv")).status());
        String interactions = csv("sup.north", "/interactions.csv?agent=N1&from=2026-03-01&to=2026-03-31");
        assertEquals(2, interactions.split("\r\n").length, interactions);
        assertTrue(interactions.contains("default,L-1,N1,Li Na,North,chat,logistics,2026-03-02T02:00:00Z,"), interactions);
        assertTrue(interactions.contains("\"'=HYPERLINK(\"\"x\"\")\""), "a formula-like comment is neutralised: " + interactions);
        String ranking = csv("sup.north", "/scorecards/teams/North/ranking.csv?from=2026-03-01&to=2026-03-31");
        assertTrue(ranking.startsWith("\uFEFFrank,employee_no,name,composite,first_response_sla_percent"), ranking);
        assertTrue(ranking.contains(",N1,Li Na,") && ranking.contains(",N2,"), ranking);
        assertEquals(404, api.get("sup.south", "/scorecards/teams/North/ranking.csv?from=2026-03-01&to=2026-03-31").status());
    }

    String csv(String user, String path) {
        io.micronaut.http.HttpResponse<byte[]> r = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(api.token(user)), byte[].class);
        assertEquals(200, r.code(), path);
        assertTrue(r.header("Content-Disposition").contains("attachment"), path);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theMatrixOfAllOfASupervisorsTeamsShowsCompletionByModuleAndAgent() {
        String page = api.exchange(api.browser("sup.north").on(HttpRequest.GET("/training-matrix").accept(MediaType.TEXT_HTML_TYPE))).body();
        assertTrue(page.contains("data-team=\"North\"") && !page.contains("data-team=\"South\""), "all of North's supervisor's teams");
        assertTrue(page.contains("<td class=\"num module-completion\">0.0 %</td>"), "nobody has completed bk1 yet");
        assertFalse(page.contains("<td class=\"num agent-completion\">100.0 %</td>"));
        assertTrue(page.contains("selected>All my teams"), page.substring(0, Math.min(page.length(), 2000)));
    }
}
