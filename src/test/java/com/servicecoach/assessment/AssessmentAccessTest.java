package com.servicecoach.assessment;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every assessment route (JSON and pages) with every role and anonymously: 401 anonymous, 403 for a role
 * that may not, 404 for an object the caller may not see (api.md Access).
 */
@MicronautTest(transactional = false)
class AssessmentAccessTest extends HttpTest {

    static final List<String> CALLERS = Arrays.asList(null, "admin", "hr.lin", "sup.north", "agent.north");

    @Inject
    AssessmentFixtures modules;

    long northOpen;
    long northDone;
    long southDone;
    long question;
    long essay;

    record Route(String name, Supplier<MutableHttpRequest<?>> request, List<Integer> expected) {
    }

    static List<Integer> expect(int anon, int admin, int hr, int sup, int agent) {
        return List.of(anon, admin, hr, sup, agent);
    }

    /** N1: one attempt submitted with an essay waiting and one open; S1: one submitted with an essay waiting. */
    void world() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        api.forgetTokens();
        modules.standard("acc", AssessmentFixtures.Settings.plain());
        northDone = submittedWithEssay("agent.north");
        southDone = submittedWithEssay("agent.south");
        Map<String, Object> open = api.post("agent.north", "/api/assessments/acc/attempts", Map.of()).json();
        northOpen = attemptId(open);
        question = id(question(open, "The earth goes round"));
    }

    long submittedWithEssay(String user) {
        Map<String, Object> a = api.post(user, "/api/assessments/acc/attempts", Map.of()).json();
        essay = id(question(a, "Write a short apology"));
        api.put(user, "/api/attempts/" + attemptId(a) + "/answers/" + essay, Map.of("answer", "Sorry."));
        api.post(user, "/api/attempts/" + attemptId(a) + "/submit", Map.of());
        return attemptId(a);
    }

    List<Route> routes() {
        List<Route> r = new ArrayList<>();
        r.add(new Route("start", () -> HttpRequest.POST("/api/assessments/acc/attempts", Map.of()), expect(401, 403, 403, 403, 409)));
        r.add(new Route("own standings", () -> HttpRequest.GET("/api/assessments"), expect(401, 400, 400, 400, 200)));
        r.add(new Route("N1 standings", () -> HttpRequest.GET("/api/assessments?agent=N1"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("S1 standing", () -> HttpRequest.GET("/api/assessments/acc?agent=S1"), expect(401, 200, 200, 404, 404)));
        r.add(new Route("item analysis", () -> HttpRequest.GET("/api/assessments/acc/item-analysis"), expect(401, 200, 200, 200, 403)));
        r.add(new Route("attempt list", () -> HttpRequest.GET("/api/attempts"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("S1 attempt list", () -> HttpRequest.GET("/api/attempts?agent=S1"), expect(401, 200, 200, 404, 404)));
        r.add(new Route("N1 attempt", () -> HttpRequest.GET("/api/attempts/" + northDone), expect(401, 200, 200, 200, 200)));
        r.add(new Route("S1 attempt", () -> HttpRequest.GET("/api/attempts/" + southDone), expect(401, 200, 200, 404, 404)));
        r.add(new Route("absent attempt", () -> HttpRequest.GET("/api/attempts/999999"), expect(401, 404, 404, 404, 404)));
        r.add(new Route("save answer", () -> HttpRequest.PUT("/api/attempts/" + northOpen + "/answers/" + question, Map.of("answer", true)),
                expect(401, 404, 404, 404, 200)));
        r.add(new Route("save on S1's attempt", () -> HttpRequest.PUT("/api/attempts/" + southDone + "/answers/" + question, Map.of("answer", true)),
                expect(401, 404, 404, 404, 404)));
        r.add(new Route("submit", () -> HttpRequest.POST("/api/attempts/" + northOpen + "/submit", Map.of()), expect(401, 404, 404, 404, 200)));
        r.add(new Route("grading queue", () -> HttpRequest.GET("/api/grading-queue"), expect(401, 200, 200, 200, 403)));
        r.add(new Route("grade N1's essay", () -> HttpRequest.POST("/api/attempts/" + northDone + "/questions/" + essay + "/grade",
                Map.of("points", List.of(2, 1))), expect(401, 200, 403, 200, 403)));
        r.add(new Route("grade S1's essay", () -> HttpRequest.POST("/api/attempts/" + southDone + "/questions/" + essay + "/grade",
                Map.of("points", List.of(2, 1))), expect(401, 200, 403, 404, 403)));
        r.add(new Route("certifications", () -> HttpRequest.GET("/api/certifications"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("S1 certifications", () -> HttpRequest.GET("/api/certifications?agent=S1"), expect(401, 200, 200, 404, 404)));
        // pages (signed in with a bearer token here; browsers use the cookie)
        r.add(new Route("my assessments page", () -> HttpRequest.GET("/my-assessments"), expect(401, 400, 400, 400, 200)));
        r.add(new Route("assessment page", () -> HttpRequest.GET("/assessments/acc?agent=N1"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("start page form", () -> HttpRequest.POST("/assessments/acc/start", "").contentType("application/x-www-form-urlencoded"),
                expect(401, 403, 403, 403, 409)));
        r.add(new Route("attempt page", () -> HttpRequest.GET("/attempts/" + northDone), expect(401, 200, 200, 200, 200)));
        r.add(new Route("S1 attempt page", () -> HttpRequest.GET("/attempts/" + southDone), expect(401, 200, 200, 404, 404)));
        r.add(new Route("submit page form", () -> HttpRequest.POST("/attempts/" + northOpen + "/submit", "")
                .contentType("application/x-www-form-urlencoded"), expect(401, 404, 404, 404, 303)));
        r.add(new Route("grading page", () -> HttpRequest.GET("/grading"), expect(401, 200, 200, 200, 403)));
        r.add(new Route("grading form", () -> HttpRequest.GET("/grading/" + northDone + "/" + essay), expect(401, 200, 200, 200, 403)));
        r.add(new Route("S1 grading form", () -> HttpRequest.GET("/grading/" + southDone + "/" + essay), expect(401, 200, 200, 404, 403)));
        r.add(new Route("grade form post", () -> HttpRequest.POST("/grading/" + northDone + "/" + essay, "points_1=1&points_2=1")
                .contentType("application/x-www-form-urlencoded"), expect(401, 303, 403, 303, 403)));
        r.add(new Route("item analysis page", () -> HttpRequest.GET("/item-analysis?module=acc"), expect(401, 200, 200, 200, 403)));
        r.add(new Route("certifications page", () -> HttpRequest.GET("/certifications"), expect(401, 200, 200, 200, 200)));
        return r;
    }

    @Test
    void everyAssessmentRouteAnswersEachRoleAsApiMdSays() {
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                world();
                Api.Reply reply = api.send(caller, route.request().get());
                if (reply.status() != route.expected().get(i)) {
                    failures.add(route.name() + " as " + (caller == null ? "anonymous" : caller) + ": expected "
                            + route.expected().get(i) + " but was " + reply.status() + " " + reply.body());
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
