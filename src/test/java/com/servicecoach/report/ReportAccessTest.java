package com.servicecoach.report;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may read which report (api.md "Access"): HR and administrators every report, supervisors their own team's
 * (another team 404, all teams 403), agents none (403), anonymous callers 401. HR changes nothing but the
 * flagging thresholds. Every view and export is in the audit record.
 */
@MicronautTest(transactional = false)
class ReportAccessTest extends HttpTest {

    static final List<String> CALLERS = Arrays.asList(null, "admin", "hr.lin", "sup.north", "agent.north");
    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    record Route(String name, Supplier<MutableHttpRequest<?>> request, List<Integer> expected) {
    }

    /** Expected statuses for anonymous, admin, hr.lin, sup.north, agent.north. */
    static List<Integer> expect(int anon, int admin, int hr, int sup, int agent) {
        return List.of(anon, admin, hr, sup, agent);
    }

    static MutableHttpRequest<?> form(String path, Map<String, String> fields) {
        return HttpRequest.POST(path, fields).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    List<Route> routes() {
        List<Route> r = new ArrayList<>();
        for (String base : List.of("/api/reports/performance", "/api/reports/performance.csv", "/api/reports/performance.xlsx",
                "/reports/performance.csv", "/reports/performance.xlsx", "/reports/performance.pdf", "/reports/performance")) {
            r.add(new Route(base + " all teams", () -> HttpRequest.GET(base + "?" + MARCH), expect(401, 200, 200, 403, 403)));
            r.add(new Route(base + " own team", () -> HttpRequest.GET(base + "?" + MARCH + "&team=North"), expect(401, 200, 200, 200, 403)));
            r.add(new Route(base + " other team", () -> HttpRequest.GET(base + "?" + MARCH + "&team=South"), expect(401, 200, 200, 404, 403)));
        }
        r.add(new Route("pdf download under /api", () -> HttpRequest.GET("/api/reports/performance.pdf?" + MARCH + "&team=South"),
                expect(401, 200, 200, 404, 403)));
        r.add(new Route("absent team", () -> HttpRequest.GET("/api/reports/performance?" + MARCH + "&team=Nowhere"), expect(401, 404, 404, 404, 403)));
        r.add(new Route("report index", () -> HttpRequest.GET("/reports"), expect(401, 200, 200, 200, 403)));
        r.add(new Route("last month's report", () -> HttpRequest.GET("/reports/last-month"), expect(401, 303, 303, 303, 403)));
        r.add(new Route("thresholds page", () -> HttpRequest.GET("/reports/thresholds"), expect(401, 200, 200, 200, 403)));
        r.add(new Route("thresholds form", () -> form("/reports/thresholds", Map.of("csatMin", "75", "firstResponseMin", "80",
                "resolutionMin", "80", "knowledgeMin", "60")), expect(401, 303, 303, 403, 403)));
        r.add(new Route("thresholds API", () -> HttpRequest.PUT("/api/reports/thresholds", Map.of("csatMin", "75",
                "firstResponseMin", "80", "resolutionMin", "80", "knowledgeMin", "60")),
                expect(401, 200, 200, 403, 403)));
        r.add(new Route("progress of another's download", () -> HttpRequest.GET("/api/reports/progress/abcdefgh12"),
                expect(401, 404, 404, 404, 404)));
        r.add(new Route("audit record", () -> HttpRequest.GET("/api/reports/audit"), expect(401, 200, 403, 403, 403)));
        r.add(new Route("own scorecard stays open to agents", () -> HttpRequest.GET("/api/scorecards/agents/N1?" + MARCH),
                expect(401, 200, 200, 200, 200)));
        return r;
    }

    @Test
    void everyReportRouteAnswersEachRoleAsApiMdSays() {
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                // every call starts from the standard cast; its users' sessions are new, so are the tokens
                TestDatabase.clean(dataSource);
                fixtures.standardCast();
                api.forgetTokens();
                int actual = api.send(caller, route.request().get()).status();
                if (actual != route.expected().get(i)) {
                    failures.add(route.name() + " as " + (caller == null ? "anonymous" : caller) + ": expected "
                            + route.expected().get(i) + " but was " + actual);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** HR reads everything and changes nothing but the thresholds: a sample of every feature's changes. */
    @Test
    void hrIsRefusedEveryChangeButTheThresholds() {
        Map<String, Supplier<MutableHttpRequest<?>>> changes = new LinkedHashMap<>();
        changes.put("create user", () -> HttpRequest.POST("/api/users", Map.of("username", "new.hr", "password", "long-enough-password", "role", "HR")));
        changes.put("change user", () -> HttpRequest.PUT("/api/users/sup.north", Map.of("enabled", false)));
        changes.put("create team", () -> HttpRequest.POST("/api/teams", Map.of("name", "East")));
        changes.put("change agent", () -> HttpRequest.PUT("/api/agents/N2", Map.of("name", "王芳", "email", "n2@shop.test",
                "team", "North", "channels", List.of("phone"))));
        changes.put("import agents", () -> HttpRequest.POST("/api/agents/import",
                "employee_no,name,email,team,channels\nN2,王芳,n2@shop.test,North,phone\n").contentType("text/csv"));
        changes.put("import interactions", () -> HttpRequest.POST("/api/interactions/import",
                "external_id,agent,channel,created_at\nH-1,N1,chat,2026-03-02T09:00:00\n").contentType("text/csv"));
        changes.put("change settings", () -> HttpRequest.PUT("/api/settings", Map.of("minRated", 5)));
        changes.put("assign training", () -> HttpRequest.POST("/api/assignments", Map.of("module", "greeting-attitude",
                "team", "North", "dueOn", "2099-01-01")));
        changes.put("import questions", () -> HttpRequest.POST("/api/modules/greeting-attitude/questions/import",
                "::Q1:: 1+1=2 {T}\n").contentType("text/plain"));
        changes.put("settings form", () -> form("/admin/settings", Map.of("minRated", "5")));
        changes.put("create agent form", () -> form("/agents", Map.of("employeeNo", "H1", "name", "Someone")));
        changes.put("create user form", () -> form("/admin/users", Map.of("username", "x.y", "role", "HR")));
        List<String> allowed = new ArrayList<>();
        for (Map.Entry<String, Supplier<MutableHttpRequest<?>>> change : changes.entrySet()) {
            int status = api.send("hr.lin", change.getValue().get()).status();
            if (status != 403) {
                allowed.add(change.getKey() + ": " + status);
            }
        }
        assertEquals(List.of(), allowed, "HR changed something");
        assertEquals(200, api.put("hr.lin", "/api/reports/thresholds", Map.of("csatMin", "72.5", "firstResponseMin", "",
                "resolutionMin", "", "knowledgeMin", "")).status(), "but sets the thresholds");
    }

    @Test
    void everyViewAndExportIsRecordedWithWhoWhichReportAndWhichFormat() {
        assertEquals(200, api.get("hr.lin", "/api/reports/performance?" + MARCH).status());
        assertEquals(200, api.get("hr.lin", "/reports/performance?" + MARCH + "&team=South").status());
        assertEquals(200, api.get("hr.lin", "/api/reports/performance.pdf?" + MARCH).status());
        assertEquals(200, api.get("sup.north", "/reports/performance.csv?from=2026-01-01&to=2026-03-31&team=North").status());
        assertEquals(200, api.get("admin", "/api/reports/performance.xlsx?" + MARCH).status());
        assertEquals(404, api.get("sup.north", "/api/reports/performance.csv?" + MARCH + "&team=South").status());
        assertEquals(403, api.get("agent.north", "/api/reports/performance?" + MARCH + "&team=North").status());

        Api.Reply record = api.get("admin", "/api/reports/audit?size=50");
        List<Map<String, Object>> entries = record.content();
        assertEquals(5, entries.size(), "refused requests are not views: " + record.body());
        List<String> seen = entries.stream().map(e -> e.get("username") + " " + e.get("role") + " " + e.get("action") + " "
                + e.get("format") + " " + e.get("periodFrom") + ".." + e.get("periodTo") + " " + e.get("team")).toList();
        assertEquals(List.of(
                "admin ADMIN export xlsx 2026-03-01..2026-03-31 null",
                "sup.north SUPERVISOR export csv 2026-01-01..2026-03-31 North",
                "hr.lin HR export pdf 2026-03-01..2026-03-31 null",
                "hr.lin HR view html 2026-03-01..2026-03-31 South",
                "hr.lin HR view json 2026-03-01..2026-03-31 null"), seen);
        assertTrue(entries.stream().allMatch(e -> e.get("at") != null));
        assertEquals(1, api.get("admin", "/api/reports/audit?user=sup.north&format=csv").content().size(), "filtered");
    }
}
