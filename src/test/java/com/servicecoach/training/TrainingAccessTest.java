package com.servicecoach.training;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every training route with every role, and anonymously, against api.md's Access section: 401 anonymous
 * (a page sends a browser to sign in: 303), 403 role not allowed, 404 for objects the caller may not see.
 * North's team assignment and South's are re-created before every call.
 */
@MicronautTest(transactional = false)
class TrainingAccessTest {

    static final List<String> CALLERS = Arrays.asList(null, "admin", "hr.lin", "sup.north", "agent.north");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    TrainingContent content;

    Api api;
    long north;
    long south;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        content.reload();
        api = new Api(http, mapper);
    }

    /** Deletes assignments and notifications only, then assigns greeting-attitude to North and to South. */
    void resetAssignments() {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM notification");
            s.execute("DELETE FROM training_assignment");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String due = LocalDate.now().plusDays(10).toString();
        north = id(api.post("admin", "/api/assignments", Map.of("module", "greeting-attitude", "team", "North", "dueOn", due)));
        south = id(api.post("admin", "/api/assignments", Map.of("module", "greeting-attitude", "team", "South", "dueOn", due)));
    }

    long id(Api.Reply created) {
        assertEquals(201, created.status(), created.body());
        return Long.parseLong(created.body().replaceAll("(?s)^\\[\\{\"id\":(\\d+).*", "$1"));
    }

    record Route(String name, Supplier<MutableHttpRequest<?>> request, List<Integer> expected) {
    }

    static List<Integer> expect(int anon, int admin, int hr, int sup, int agent) {
        return List.of(anon, admin, hr, sup, agent);
    }

    static MutableHttpRequest<?> page(String path) {
        return HttpRequest.GET(path).accept(MediaType.TEXT_HTML);
    }

    List<Route> routes() {
        String due = LocalDate.now().plusDays(20).toString();
        List<Route> r = new ArrayList<>();
        r.add(new Route("module list", () -> HttpRequest.GET("/api/modules"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("module", () -> HttpRequest.GET("/api/modules/greeting-attitude"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("lesson", () -> HttpRequest.GET("/api/modules/greeting-attitude/lessons/01-first-reply"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("absent module", () -> HttpRequest.GET("/api/modules/nope"), expect(401, 404, 404, 404, 404)));
        r.add(new Route("import questions", () -> HttpRequest.POST("/api/modules/greeting-attitude/questions/import", "::x::Fine? {T}\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE), expect(401, 200, 403, 403, 403)));
        r.add(new Route("imports of a bank", () -> HttpRequest.GET("/api/modules/greeting-attitude/imports"), expect(401, 200, 403, 403, 403)));
        r.add(new Route("imported questions", () -> HttpRequest.GET("/api/modules/greeting-attitude/imported-questions"), expect(401, 200, 403, 403, 403)));
        r.add(new Route("remove imported question", () -> HttpRequest.DELETE("/api/modules/greeting-attitude/questions/999999"), expect(401, 404, 403, 403, 403)));
        r.add(new Route("remove import", () -> HttpRequest.DELETE("/api/modules/greeting-attitude/imports/999999"), expect(401, 404, 403, 403, 403)));
        r.add(new Route("assignment list", () -> HttpRequest.GET("/api/assignments"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("own agent's lines", () -> HttpRequest.GET("/api/assignments?agent=N1"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("team-mate's lines", () -> HttpRequest.GET("/api/assignments?agent=N2"), expect(401, 200, 200, 200, 404)));
        r.add(new Route("other team's lines", () -> HttpRequest.GET("/api/assignments?agent=S1"), expect(401, 200, 200, 404, 404)));
        r.add(new Route("own team's assignment", () -> HttpRequest.GET("/api/assignments/" + north), expect(401, 200, 200, 200, 200)));
        r.add(new Route("other team's assignment", () -> HttpRequest.GET("/api/assignments/" + south), expect(401, 200, 200, 404, 404)));
        r.add(new Route("assign own team", () -> HttpRequest.POST("/api/assignments", Map.of("module", "returns-refunds", "team", "North", "dueOn", due)),
                expect(401, 201, 403, 201, 403)));
        r.add(new Route("assign other team", () -> HttpRequest.POST("/api/assignments", Map.of("module", "returns-refunds", "team", "South", "dueOn", due)),
                expect(401, 201, 403, 403, 403)));
        r.add(new Route("assign own agent", () -> HttpRequest.POST("/api/assignments", Map.of("module", "returns-refunds", "agents", List.of("N2"), "dueOn", due)),
                expect(401, 201, 403, 201, 403)));
        r.add(new Route("assign other team's agent", () -> HttpRequest.POST("/api/assignments", Map.of("module", "returns-refunds", "agents", List.of("S1"), "dueOn", due)),
                expect(401, 201, 403, 403, 403)));
        r.add(new Route("change own team's due date", () -> HttpRequest.PUT("/api/assignments/" + north, Map.of("dueOn", due)), expect(401, 200, 403, 200, 403)));
        r.add(new Route("change other team's due date", () -> HttpRequest.PUT("/api/assignments/" + south, Map.of("dueOn", due)), expect(401, 200, 403, 404, 403)));
        r.add(new Route("cancel own team's", () -> HttpRequest.DELETE("/api/assignments/" + north), expect(401, 204, 403, 204, 403)));
        r.add(new Route("cancel other team's", () -> HttpRequest.DELETE("/api/assignments/" + south), expect(401, 204, 403, 404, 403)));
        r.add(new Route("own team's matrix", () -> HttpRequest.GET("/api/training-matrix?team=North"), expect(401, 200, 200, 200, 403)));
        r.add(new Route("other team's matrix", () -> HttpRequest.GET("/api/training-matrix?team=South"), expect(401, 200, 200, 404, 403)));
        r.add(new Route("notifications", () -> HttpRequest.GET("/api/notifications"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("catalogue page", () -> page("/modules"), expect(303, 200, 200, 200, 200)));
        r.add(new Route("module page", () -> page("/modules/greeting-attitude"), expect(303, 200, 200, 200, 200)));
        r.add(new Route("lesson page", () -> page("/modules/greeting-attitude/lessons/01-first-reply"), expect(303, 200, 200, 200, 200)));
        r.add(new Route("assignments page", () -> page("/assignments"), expect(303, 200, 200, 200, 200)));
        r.add(new Route("new assignment page", () -> page("/assignments/new"), expect(303, 200, 403, 200, 403)));
        r.add(new Route("other team's assignment page", () -> page("/assignments/" + south), expect(303, 200, 200, 404, 404)));
        r.add(new Route("training queue page", () -> page("/my-training"), expect(303, 403, 403, 403, 200)));
        r.add(new Route("matrix page", () -> page("/training-matrix"), expect(303, 200, 200, 200, 403)));
        r.add(new Route("notifications page", () -> page("/notifications"), expect(303, 200, 200, 200, 200)));
        return r;
    }

    @Test
    void everyTrainingRouteAnswersEachRoleAsApiMdSays() {
        CALLERS.stream().filter(c -> c != null).forEach(api::token);
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                resetAssignments();
                int actual = api.send(caller, route.request().get()).status();
                int expected = route.expected().get(i);
                if (actual != expected) {
                    failures.add(route.name() + " as " + (caller == null ? "anonymous" : caller) + ": expected " + expected + " but was " + actual);
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
