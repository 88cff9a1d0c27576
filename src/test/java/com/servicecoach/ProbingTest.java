package com.servicecoach;

import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.notification.Notifications;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No route tells a caller whether an object it may not see exists: for every route that names an object (in
 * its path or as a filter), the status for an object of another team (or another user) equals the status for
 * an object that does not exist, for an agent, a supervisor of another team and HR. A role that may not use
 * the route at all gets 403 either way; a caller who may use it but not see the object gets 404 either way.
 */
@MicronautTest(transactional = false)
class ProbingTest extends HttpTest {

    static final String AGENT = "agent.north";
    static final String SUPERVISOR = "sup.north";
    static final String HR = "hr.lin";
    static final String MISSING_ID = "987654321";

    @Inject
    AssessmentFixtures modules;
    @Inject
    Notifications notifications;

    /** South's objects, none of them visible to agent.north or sup.north. */
    record World(String attempt, String essay, String assignment, String teamAssignment, String notification,
                 String importId, String progressToken) {
    }

    /**
     * A route naming an object: the request for a given id (or employee number, team name...), the existing
     * object of another team and the missing one, and the status each caller must get for both (null: the
     * caller may see the object, so nothing is hidden from them).
     */
    record Route(String name, Function<String, MutableHttpRequest<?>> request, String existing, String missing,
                 Integer agent, Integer supervisor, Integer hr) {
    }

    static MutableHttpRequest<?> form(String path, String body) {
        return HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    World world() {
        modules.standard("probe", AssessmentFixtures.Settings.plain());
        Map<String, Object> a = api.post("agent.south", "/api/assessments/probe/attempts", Map.of()).json();
        String attempt = a.get("attempt").toString();
        @SuppressWarnings("unchecked")
        String essay = ((List<Map<String, Object>>) a.get("questions")).stream()
                .filter(q -> q.get("text").toString().startsWith("Write a short apology")).findFirst().orElseThrow()
                .get("id").toString();
        assertEquals(200, api.put("agent.south", "/api/attempts/" + attempt + "/answers/" + essay, Map.of("answer", "Sorry.")).status());
        assertEquals(200, api.post("agent.south", "/api/attempts/" + attempt + "/submit", Map.of()).status());
        Api.Reply one = api.post("admin", "/api/assignments", Map.of("module", "probe", "agents", List.of("S1"), "dueOn", "2026-12-31"));
        assertEquals(201, one.status(), one.body());
        Api.Reply team = api.post("admin", "/api/assignments", Map.of("module", "probe", "team", "South", "dueOn", "2026-12-31"));
        assertEquals(201, team.status(), team.body());
        notifications.notify("agent.south", "assignment.new", "probe:1", "/my-training", List.of("x", "y"));
        Api.Reply imp = api.post("sup.south", "/api/interactions/imports", Map.of("fileName", "south.csv"));
        assertEquals(201, imp.status(), imp.body());
        Api.Reply report = api.get("admin", "/api/reports/performance.csv?from=2026-03-01&to=2026-03-31&progress=probe-token");
        assertEquals(200, report.status(), report.body());
        return new World(attempt, essay, firstId(one), firstId(team), scalar("SELECT MAX(id) FROM notification WHERE username = 'agent.south'"),
                imp.json().get("id").toString(), "probe-token");
    }

    @SuppressWarnings("unchecked")
    static String firstId(Api.Reply created) {
        try {
            List<?> body = (List<?>) created.mapper().readValue(created.body(), Object.class);
            return ((Map<String, Object>) body.get(0)).get("id").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String scalar(String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Route> routes(World w) {
        String period = "from=2026-03-01&to=2026-03-31";
        String grade = "{\"points\": [1, 1]}";
        List<Route> r = new ArrayList<>();
        // attempts and grading (the attempt is S1's, the question its essay)
        r.add(new Route("attempt", id -> HttpRequest.GET("/api/attempts/" + id), w.attempt(), MISSING_ID, 404, 404, null));
        r.add(new Route("save answer", id -> HttpRequest.PUT("/api/attempts/" + id + "/answers/" + w.essay(), Map.of("answer", "x")),
                w.attempt(), MISSING_ID, 404, 404, 404));
        r.add(new Route("submit", id -> HttpRequest.POST("/api/attempts/" + id + "/submit", Map.of()), w.attempt(), MISSING_ID, 404, 404, 404));
        r.add(new Route("grade", id -> HttpRequest.POST("/api/attempts/" + id + "/questions/" + w.essay() + "/grade", grade)
                .contentType(MediaType.APPLICATION_JSON_TYPE), w.attempt(), MISSING_ID, 403, 404, 403));
        r.add(new Route("grade a missing question", q -> HttpRequest.POST("/api/attempts/" + w.attempt() + "/questions/" + q + "/grade", grade)
                .contentType(MediaType.APPLICATION_JSON_TYPE), w.essay(), MISSING_ID, 403, 404, 403));
        r.add(new Route("attempt page", id -> HttpRequest.GET("/attempts/" + id), w.attempt(), MISSING_ID, 404, 404, null));
        r.add(new Route("submit form", id -> form("/attempts/" + id + "/submit", ""), w.attempt(), MISSING_ID, 404, 404, 404));
        r.add(new Route("grading form", id -> HttpRequest.GET("/grading/" + id + "/" + w.essay()), w.attempt(), MISSING_ID, 403, 404, null));
        r.add(new Route("grading form post", id -> form("/grading/" + id + "/" + w.essay(), "points_1=1&points_2=1"),
                w.attempt(), MISSING_ID, 403, 404, 403));
        r.add(new Route("attempts of an agent", no -> HttpRequest.GET("/api/attempts?agent=" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("standing of an agent", no -> HttpRequest.GET("/api/assessments/probe?agent=" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("item analysis of a team", t -> HttpRequest.GET("/api/assessments/probe/item-analysis?team=" + t),
                "South", "Nowhere", 403, 404, null));
        r.add(new Route("grading queue of a team", t -> HttpRequest.GET("/api/grading-queue?team=" + t), "South", "Nowhere", 403, 404, null));
        r.add(new Route("certifications of an agent", no -> HttpRequest.GET("/api/certifications?agent=" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("certifications of a team", t -> HttpRequest.GET("/api/certifications?team=" + t), "South", "Nowhere", 403, 404, null));
        // assignments (one to S1, one to team South)
        r.add(new Route("assignment", id -> HttpRequest.GET("/api/assignments/" + id), w.assignment(), MISSING_ID, 404, 404, null));
        r.add(new Route("team assignment", id -> HttpRequest.GET("/api/assignments/" + id), w.teamAssignment(), MISSING_ID, 404, 404, null));
        r.add(new Route("change assignment", id -> HttpRequest.PUT("/api/assignments/" + id, Map.of("dueOn", "2027-01-31")),
                w.assignment(), MISSING_ID, 403, 404, 403));
        r.add(new Route("cancel assignment", id -> HttpRequest.DELETE("/api/assignments/" + id), w.assignment(), MISSING_ID, 403, 404, 403));
        r.add(new Route("assignment page", id -> HttpRequest.GET("/assignments/" + id), w.assignment(), MISSING_ID, 404, 404, null));
        r.add(new Route("assignment form post", id -> form("/assignments/" + id, "dueOn=2027-01-31"), w.assignment(), MISSING_ID, 403, 404, 403));
        r.add(new Route("assignment cancel form", id -> form("/assignments/" + id + "/cancel", ""), w.assignment(), MISSING_ID, 403, 404, 403));
        r.add(new Route("assignments of an agent", no -> HttpRequest.GET("/api/assignments?agent=" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("training matrix", t -> HttpRequest.GET("/api/training-matrix?team=" + t), "South", "Nowhere", 403, 404, null));
        // notifications (agent.south's)
        r.add(new Route("read notification", id -> HttpRequest.POST("/api/notifications/" + id + "/read", Map.of()),
                w.notification(), MISSING_ID, 404, 404, 404));
        r.add(new Route("read notification form", id -> form("/notifications/" + id + "/read", ""), w.notification(), MISSING_ID, 404, 404, 404));
        // agents and teams
        r.add(new Route("agent", no -> HttpRequest.GET("/api/agents/" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("change agent", no -> HttpRequest.PUT("/api/agents/" + no, Map.of("name", "Tom Baker", "email", "s1@shop.test",
                "team", "South", "channels", List.of("chat"))), "S1", "NOPE", 403, 404, 403));
        r.add(new Route("agent page", no -> HttpRequest.GET("/agents/" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("agent edit page", no -> HttpRequest.GET("/agents/" + no + "/edit"), "S1", "NOPE", 403, 404, 403));
        r.add(new Route("agent form post", no -> form("/agents/" + no, "name=Tom+Baker&email=s1%40shop.test&team=South&channel_chat=on"),
                "S1", "NOPE", 403, 404, 403));
        r.add(new Route("agents of a team", t -> HttpRequest.GET("/api/agents?team=" + t), "South", "Nowhere", 200, 200, null));
        r.add(new Route("team", t -> HttpRequest.GET("/api/teams/" + t), "South", "Nowhere", 403, 404, null));
        r.add(new Route("change team", t -> HttpRequest.PUT("/api/teams/" + t, Map.of("supervisor", "sup.north")), "South", "Nowhere", 403, 403, 403));
        r.add(new Route("team supervisor form", t -> form("/teams/" + t + "/supervisor", "supervisor=sup.north"), "South", "Nowhere", 403, 403, 403));
        // open promises
        r.add(new Route("promises of an owner", no -> HttpRequest.GET("/api/promises?owner=" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("promises of a team", t -> HttpRequest.GET("/api/promises?team=" + t), "South", "Nowhere", 403, 404, null));
        r.add(new Route("promises page of an owner", no -> HttpRequest.GET("/promises?owner=" + no), "S1", "NOPE", 404, 404, null));
        // scorecards and interactions
        r.add(new Route("agent scorecard", no -> HttpRequest.GET("/api/scorecards/agents/" + no + "?" + period), "S1", "NOPE", 404, 404, null));
        r.add(new Route("team scorecard", t -> HttpRequest.GET("/api/scorecards/teams/" + t + "?" + period), "South", "Nowhere", 403, 404, null));
        r.add(new Route("agent scorecard page", no -> HttpRequest.GET("/scorecards/agents/" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("team scorecard page", t -> HttpRequest.GET("/scorecards/teams/" + t), "South", "Nowhere", 403, 404, null));
        r.add(new Route("agent quality figures", no -> HttpRequest.GET("/api/quality/figures/agents/" + no + "?" + period), "S1", "NOPE", 404, 404, null));
        r.add(new Route("team quality figures", t -> HttpRequest.GET("/api/quality/figures/teams/" + t + "?" + period), "South", "Nowhere", 403, 404, null));
        r.add(new Route("reviews of an agent", no -> HttpRequest.GET("/api/quality/reviews?agent=" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("reviews page of an agent", no -> HttpRequest.GET("/quality/reviews?agent=" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("review queue of an agent", no -> HttpRequest.GET("/api/quality/queue?agent=" + no), "S1", "NOPE", 403, 404, 403));
        r.add(new Route("review queue of a team", t -> HttpRequest.GET("/api/quality/queue?team=" + t), "South", "Nowhere", 403, 404, 403));
        r.add(new Route("interactions of an agent", no -> HttpRequest.GET("/api/interactions?agent=" + no), "S1", "NOPE", 404, 404, null));
        r.add(new Route("interactions of a team", t -> HttpRequest.GET("/api/interactions?team=" + t), "South", "Nowhere", 403, 404, null));
        r.add(new Route("import", id -> HttpRequest.GET("/api/interactions/imports/" + id), w.importId(), MISSING_ID, 403, 404, 403));
        r.add(new Route("import errors", id -> HttpRequest.GET("/api/interactions/imports/" + id + "/errors"), w.importId(), MISSING_ID, 403, 404, 403));
        r.add(new Route("import upload", id -> HttpRequest.POST("/api/interactions/imports/" + id + "/upload", "external_id\n")
                .contentType("text/csv"), w.importId(), MISSING_ID, 403, 404, 403));
        r.add(new Route("import page", id -> HttpRequest.GET("/interactions/imports/" + id), w.importId(), MISSING_ID, 403, 404, 403));
        r.add(new Route("rejected rows", id -> HttpRequest.GET("/interactions/imports/" + id + "/rejected.csv"), w.importId(), MISSING_ID, 403, 404, 403));
        // reports
        r.add(new Route("team report", t -> HttpRequest.GET("/api/reports/performance?" + period + "&team=" + t), "South", "Nowhere", 403, 404, null));
        r.add(new Route("team report csv", t -> HttpRequest.GET("/api/reports/performance.csv?" + period + "&team=" + t), "South", "Nowhere", 403, 404, null));
        r.add(new Route("team report page", t -> HttpRequest.GET("/reports/performance?" + period + "&team=" + t), "South", "Nowhere", 403, 404, null));
        r.add(new Route("report progress", t -> HttpRequest.GET("/api/reports/progress/" + t), w.progressToken(), "no-such-token", 404, 404, 404));
        // users: administrators only
        r.add(new Route("user", u -> HttpRequest.GET("/api/users/" + u), "sup.south", "nobody.here", 403, 403, 403));
        r.add(new Route("change user", u -> HttpRequest.PUT("/api/users/" + u, Map.of("enabled", true)), "sup.south", "nobody.here", 403, 403, 403));
        return r;
    }

    @Test
    void anObjectTheCallerMayNotSeeAnswersExactlyAsAMissingOne() {
        World w = world();
        Map<String, Integer> before = counts();
        List<String> failures = new ArrayList<>();
        for (Route route : routes(w)) {
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put(AGENT, route.agent());
            expected.put(SUPERVISOR, route.supervisor());
            expected.put(HR, route.hr());
            expected.forEach((caller, status) -> {
                if (status == null) {
                    return;
                }
                Api.Reply existing = api.send(caller, route.request().apply(route.existing()));
                Api.Reply missing = api.send(caller, route.request().apply(route.missing()));
                if (existing.status() != missing.status()) {
                    failures.add(route.name() + " as " + caller + ": " + existing.status() + " for " + route.existing()
                            + " but " + missing.status() + " for " + route.missing() + " (ids can be probed)");
                } else if (existing.status() != status) {
                    failures.add(route.name() + " as " + caller + ": expected " + status + " but was " + existing.status()
                            + " " + existing.body());
                }
            });
        }
        assertEquals(List.of(), failures);
        assertEquals(before, counts(), "none of the refused calls changed anything");
    }

    Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String sql : List.of("SELECT COUNT(*) FROM assessment_answer", "SELECT COUNT(*) FROM assessment_rubric_score",
                "SELECT COUNT(*) FROM training_assignment WHERE cancelled_at IS NULL",
                "SELECT COUNT(*) FROM notification WHERE read_at IS NOT NULL",
                "SELECT COUNT(*) FROM team WHERE supervisor = 'sup.north'", "SELECT COUNT(*) FROM agent WHERE name = 'Tom Baker'",
                "SELECT MAX(due_on) FROM training_assignment")) {
            m.put(sql, Integer.valueOf(scalar(sql).replaceAll("\\D", "").isEmpty() ? "0" : scalar(sql).replaceAll("\\D", "")));
        }
        return m;
    }
}
