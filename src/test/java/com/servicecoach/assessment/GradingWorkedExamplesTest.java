package com.servicecoach.assessment;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grading of every question type through attempts, on worked examples: each question is worth one point,
 * the score % is points earned / points possible x 100, and essays wait for a rubric grade.
 */
@MicronautTest(transactional = false)
class GradingWorkedExamplesTest extends HttpTest {

    @Inject
    AssessmentFixtures modules;

    Map<String, Object> start() {
        Api.Reply r = api.post("agent.north", "/api/assessments/worked/attempts", Map.of());
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    void answer(Map<String, Object> attempt, String question, Object answer) {
        long id = attemptId(attempt);
        Api.Reply r = api.put("agent.north", "/api/attempts/" + id + "/answers/" + id(question(attempt, question)),
                java.util.Collections.singletonMap("answer", answer));
        assertEquals(200, r.status(), r.body());
    }

    BigDecimal points(Map<String, Object> attempt, String question) {
        Object p = review(question(attempt, question)).get("points");
        return p == null ? null : new BigDecimal(p.toString());
    }

    @Test
    void everyTypeIsGradedAndTheEssayMakesTheResultFinal() {
        modules.standard("worked", AssessmentFixtures.Settings.plain().shuffled());
        Map<String, Object> a = start();
        Map<String, Object> ma = question(a, "Which of these are fruit");
        Map<String, Object> mt = question(a, "Match each thing");
        answer(a, "Which colour", option(question(a, "Which colour"), "Blue"));                              // 1
        answer(a, "Which of these are fruit", List.of(option(ma, "Apple"), option(ma, "Stone")));          // 0.5 - 0.5 = 0
        answer(a, "The earth goes round", true);                                                         // 1
        answer(a, "The first of the three", "  ACKNOWLEDGING ");                                          // 1: case and spaces ignored
        answer(a, "Within how many seconds", 64);                                                         // 1: 60 +- 5
        answer(a, "Pick a number", "6");                                                                  // 0: outside 1..5
        answer(a, "Match each thing", Map.of(stem(mt, "cat"), option(mt, "animal"), stem(mt, "rose"), option(mt, "metal"),
                stem(mt, "iron"), option(mt, "metal")));                                                  // 2 of 3
        answer(a, "Write a short apology", "I am sorry your parcel is late; I will call the courier now.");

        Api.Reply submitted = api.post("agent.north", "/api/attempts/" + attemptId(a) + "/submit", Map.of());
        assertEquals(200, submitted.status(), submitted.body());
        Map<String, Object> s = submitted.json();
        assertEquals("finished", s.get("state"));
        assertEquals(0, new BigDecimal("1").compareTo(points(s, "Which colour")));
        assertEquals(0, BigDecimal.ZERO.compareTo(points(s, "Which of these are fruit")));
        assertEquals(0, BigDecimal.ONE.compareTo(points(s, "The earth goes round")));
        assertEquals(0, BigDecimal.ONE.compareTo(points(s, "The first of the three")));
        assertEquals(0, BigDecimal.ONE.compareTo(points(s, "Within how many seconds")));
        assertEquals(0, BigDecimal.ZERO.compareTo(points(s, "Pick a number")));
        assertEquals(new BigDecimal("0.6667"), points(s, "Match each thing"));
        assertNull(points(s, "Write a short apology"), "the essay waits for a grader");
        assertEquals(true, review(question(s, "Write a short apology")).get("awaitingGrading"));
        Map<String, Object> result = result(s);
        assertEquals("awaiting_grading", result.get("status"));
        assertNull(result.get("scorePercent"), "no score before every answer is graded");
        assertEquals(1, result.get("awaitingGrading"));

        // the supervisor of North grades the essay against its rubric: 3 of 3 and 1 of 2 = 4/5 = 0.8 points
        long essay = id(question(s, "Write a short apology"));
        Api.Reply graded = api.post("sup.north", "/api/attempts/" + attemptId(a) + "/questions/" + essay + "/grade",
                Map.of("points", List.of(3, 1), "comment", "Good apology; say when you will call back."));
        assertEquals(200, graded.status(), graded.body());
        Map<String, Object> g = api.get("agent.north", "/api/attempts/" + attemptId(a)).json();
        assertEquals(new BigDecimal("0.8"), points(g, "Write a short apology"));
        // (1 + 0 + 1 + 1 + 1 + 0 + 2/3 + 0.8) / 8 x 100 = 68.33...
        assertEquals("final", result(g).get("status"));
        assertEquals(new BigDecimal("68.3"), new BigDecimal(result(g).get("scorePercent").toString()));
        assertEquals(true, result(g).get("passed"), "pass mark 60");
        assertEquals("Good apology; say when you will call back.", review(question(g, "Write a short apology")).get("graderComment"));
    }

    @Test
    void negativeCreditNeverTakesAQuestionBelowZeroAndSeveralRightAnswersAddUp() {
        modules.standard("worked", AssessmentFixtures.Settings.plain());
        Map<String, Object> a = start();
        Map<String, Object> ma = question(a, "Which of these are fruit");
        answer(a, "Which of these are fruit", List.of(option(ma, "Stone"), option(ma, "Brick")));   // -1 -> 0
        answer(a, "Pick a number", 5);                                                           // range bounds included
        answer(a, "Within how many seconds", 54);                                                // outside 55..65
        Map<String, Object> s = api.post("agent.north", "/api/attempts/" + attemptId(a) + "/submit", Map.of()).json();
        assertEquals(0, BigDecimal.ZERO.compareTo(points(s, "Which of these are fruit")));
        assertEquals(0, BigDecimal.ONE.compareTo(points(s, "Pick a number")));
        assertEquals(0, BigDecimal.ZERO.compareTo(points(s, "Within how many seconds")));
        // the unanswered essay needs no grader: it scores 0, so the result is final at once: 1/8
        assertEquals("final", result(s).get("status"));
        assertEquals(new BigDecimal("12.5"), new BigDecimal(result(s).get("scorePercent").toString()));
        assertEquals(false, result(s).get("passed"));

        Map<String, Object> b = start();
        Map<String, Object> mb = question(b, "Which of these are fruit");
        answer(b, "Which of these are fruit", List.of(option(mb, "Apple"), option(mb, "Pear")));
        Map<String, Object> sb = api.post("agent.north", "/api/attempts/" + attemptId(b) + "/submit", Map.of()).json();
        assertEquals(0, BigDecimal.ONE.compareTo(points(sb, "Which of these are fruit")));
        assertTrue(((List<?>) review(question(sb, "Which of these are fruit")).get("correctAnswer")).size() == 2);
    }
}
