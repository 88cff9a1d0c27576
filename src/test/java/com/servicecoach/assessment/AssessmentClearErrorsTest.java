package com.servicecoach.assessment;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests that used to fail with a 500 get a clear 4xx. */
@MicronautTest(transactional = false)
class AssessmentClearErrorsTest extends HttpTest {

    @Inject
    AssessmentFixtures modules;

    Map<String, Object> startWithAnEssayAnswer() {
        modules.standard("clear", AssessmentFixtures.Settings.plain());
        Api.Reply started = api.post("agent.north", "/api/assessments/clear/attempts", Map.of());
        assertEquals(201, started.status(), started.body());
        Map<String, Object> a = started.json();
        long essay = id(question(a, "Write a short apology"));
        assertEquals(200, api.put("agent.north", "/api/attempts/" + attemptId(a) + "/answers/" + essay, Map.of("answer", "Sorry.")).status());
        return a;
    }

    @Test
    void gradingAnAttemptStillInProgressIs409WithAClearMessageOr404ForOtherTeams() {
        Map<String, Object> a = startWithAnEssayAnswer();
        long id = attemptId(a);
        long essay = id(question(a, "Write a short apology"));
        for (String reader : List.of("sup.north", "hr.lin", "admin")) {
            Api.Reply form = api.get(reader, "/grading/" + id + "/" + essay);
            assertEquals(409, form.status(), reader + ": " + form.body());
            assertTrue(form.json().get("message").toString().contains("still in progress"), form.body());
        }
        for (String grader : List.of("sup.north", "admin")) {
            Api.Reply json = api.post(grader, "/api/attempts/" + id + "/questions/" + essay + "/grade", Map.of("points", List.of(1, 1)));
            assertEquals(409, json.status(), json.body());
            assertTrue(json.json().get("message").toString().contains("still in progress"), json.body());
        }
        Api.Reply page = api.exchange(HttpRequest.GET("/grading/" + id + "/" + essay).accept(MediaType.TEXT_HTML_TYPE)
                .bearerAuth(api.token("sup.north")));
        assertEquals(409, page.status(), "the page too");
        assertEquals(404, api.get("sup.south", "/grading/" + id + "/" + essay).status(), "another team's supervisor");
        assertEquals(404, api.post("sup.south", "/api/attempts/" + id + "/questions/" + essay + "/grade",
                Map.of("points", List.of(1, 1))).status());
        assertEquals(403, api.get("agent.north", "/grading/" + id + "/" + essay).status());

        // once submitted, the essay waits and is graded
        api.post("agent.north", "/api/attempts/" + id + "/submit", Map.of());
        assertEquals(200, api.get("sup.north", "/grading/" + id + "/" + essay).status());
        assertEquals(200, api.post("sup.north", "/api/attempts/" + id + "/questions/" + essay + "/grade",
                Map.of("points", List.of(1, 1))).status());
    }

    @Test
    void answersTooLargeToStoreAre422AndStoreNothing() {
        Map<String, Object> a = startWithAnEssayAnswer();
        long id = attemptId(a);
        String numeric = "/api/attempts/" + id + "/answers/" + id(question(a, "Within how many seconds"));
        String essay = "/api/attempts/" + id + "/answers/" + id(question(a, "Write a short apology"));
        Api.Reply control = api.put("agent.north", essay, Map.of("answer", "\u0001".repeat(Responses.ESSAY_MAX)));
        assertEquals(422, control.status(), control.body());
        assertTrue(control.body().contains("too large to store"), control.body());

        Map<String, Object> after = api.get("agent.north", "/api/attempts/" + id).json();
        assertEquals(null, question(after, "Within how many seconds").get("answer"));
        assertEquals("Sorry.", question(after, "Write a short apology").get("answer"), "the saved essay is kept");
        assertEquals(200, api.put("agent.north", numeric, Map.of("answer", 60)).status(), "an ordinary number is taken");
    }
}
