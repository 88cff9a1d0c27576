package com.servicecoach;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Walks every route of the foundation with every role, and anonymously, and checks the status api.md's
 * Access section promises: 401 anonymous, 403 role not allowed, 404 for objects the caller may not see.
 */
@MicronautTest(transactional = false)
class AccessRulesTest extends HttpTest {

    static final String ANON = null;
    static final List<String> CALLERS = java.util.Arrays.asList(ANON, "admin", "hr.lin", "sup.north", "agent.north");


    int serial;


    record Route(String name, Supplier<MutableHttpRequest<?>> request, Map<String, Integer> expected) {
    }

    /** Expected statuses in the order anonymous, admin, hr, sup.north, agent.north. */
    static Map<String, Integer> expect(int anon, int admin, int hr, int sup, int agent) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("anonymous", anon);
        m.put("admin", admin);
        m.put("hr.lin", hr);
        m.put("sup.north", sup);
        m.put("agent.north", agent);
        return m;
    }

    List<Route> routes() {
        List<Route> r = new ArrayList<>();
        r.add(new Route("list users", () -> HttpRequest.GET("/api/users"), expect(401, 200, 403, 403, 403)));
        r.add(new Route("create user", () -> HttpRequest.POST("/api/users",
                Map.of("username", "new.user" + (serial++), "password", "long-enough-password", "role", "HR")),
                expect(401, 201, 403, 403, 403)));
        r.add(new Route("change user", () -> HttpRequest.PUT("/api/users/hr.lin", Map.of("enabled", true)), expect(401, 200, 403, 403, 403)));
        r.add(new Route("list teams", () -> HttpRequest.GET("/api/teams"), expect(401, 200, 200, 200, 403)));
        r.add(new Route("own team", () -> HttpRequest.GET("/api/teams/North"), expect(401, 200, 200, 200, 403)));
        r.add(new Route("other team", () -> HttpRequest.GET("/api/teams/South"), expect(401, 200, 200, 404, 403)));
        r.add(new Route("create team", () -> HttpRequest.POST("/api/teams", Map.of("name", "East" + (serial++))),
                expect(401, 201, 403, 403, 403)));
        r.add(new Route("list agents", () -> HttpRequest.GET("/api/agents"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("own agent", () -> HttpRequest.GET("/api/agents/N1"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("team-mate", () -> HttpRequest.GET("/api/agents/N2"), expect(401, 200, 200, 200, 404)));
        r.add(new Route("other team's agent", () -> HttpRequest.GET("/api/agents/S1"), expect(401, 200, 200, 404, 404)));
        r.add(new Route("absent agent", () -> HttpRequest.GET("/api/agents/NOPE"), expect(401, 404, 404, 404, 404)));
        r.add(new Route("create agent in North", () -> HttpRequest.POST("/api/agents", Map.of("employeeNo", "X" + (serial++),
                "name", "New Person", "email", "new@shop.test", "team", "North", "channels", List.of("chat"))),
                expect(401, 201, 403, 201, 403)));
        r.add(new Route("create agent in South", () -> HttpRequest.POST("/api/agents", Map.of("employeeNo", "Y" + (serial++),
                "name", "New Person", "email", "new@shop.test", "team", "South", "channels", List.of("chat"))),
                expect(401, 201, 403, 403, 403)));
        r.add(new Route("edit own team's agent", () -> HttpRequest.PUT("/api/agents/N2", Map.of("name", "王芳", "email", "n2@shop.test",
                "team", "North", "channels", List.of("phone"))), expect(401, 200, 403, 200, 403)));
        r.add(new Route("edit other team's agent", () -> HttpRequest.PUT("/api/agents/S1", Map.of("name", "Tom Baker", "email", "s1@shop.test",
                "team", "South", "channels", List.of("chat"))), expect(401, 200, 403, 404, 403)));
        r.add(new Route("move agent to another team", () -> HttpRequest.PUT("/api/agents/N2", Map.of("name", "王芳", "email", "n2@shop.test",
                "team", "South", "channels", List.of("phone"))), expect(401, 200, 403, 403, 403)));
        r.add(new Route("import agents", () -> HttpRequest.POST("/api/agents/import",
                "employee_no,name,email,team,channels\nN2,王芳,n2@shop.test,North,phone\n").contentType("text/csv"),
                expect(401, 200, 403, 200, 403)));
        r.add(new Route("prometheus", () -> HttpRequest.GET("/prometheus"), expect(401, 200, 403, 403, 403)));
        r.add(new Route("health", () -> HttpRequest.GET("/health"), expect(200, 200, 200, 200, 200)));
        return r;
    }

    @Test
    void everyRouteAnswersEachRoleAsApiMdSays() {
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (String caller : CALLERS) {
                String who = caller == null ? "anonymous" : caller;
                int expected = route.expected().get(who);
                if (caller != null) {
                    api.token(caller);
                }
                // every call starts from the standard cast, so one caller's change cannot affect the next
                TestDatabase.clean(dataSource);
                fixtures.standardCast();
                int actual = api.send(caller, route.request().get()).status();
                if (actual != expected) {
                    failures.add(route.name() + " as " + who + ": expected " + expected + " but was " + actual);
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
