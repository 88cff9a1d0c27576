package com.servicecoach.assessment;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attempt's life over HTTP with the test clock: the server's deadline, the grace period (60 s), the
 * automatic submission by the job and on the next access, abandoned attempts, attempts allowed and the
 * grading methods.
 */
@MicronautTest(transactional = false)
class AttemptLifecycleTest extends HttpTest {

    @Inject
    AssessmentFixtures modules;
    @Inject
    TestClock clock;
    @Inject
    AttemptService service;

    static final String TRUE_FALSE = """
            ::T1::One is a number.{T}

            ::T2::Two is a number.{T}

            ::T3::Three is a number.{T}

            ::T4::Four is a number.{T}
            """;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Map<String, Object> start(String code) {
        Api.Reply r = api.post("agent.north", "/api/assessments/" + code + "/attempts", Map.of());
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    Api.Reply save(Map<String, Object> attempt, String question, Object answer) {
        return api.put("agent.north", "/api/attempts/" + attemptId(attempt) + "/answers/" + id(question(attempt, question)),
                java.util.Collections.singletonMap("answer", answer));
    }

    Map<String, Object> get(Map<String, Object> attempt) {
        Api.Reply r = api.get("agent.north", "/api/attempts/" + attemptId(attempt));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    Map<String, Object> submit(Map<String, Object> attempt) {
        Api.Reply r = api.post("agent.north", "/api/attempts/" + attemptId(attempt) + "/submit", Map.of());
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void theDeadlineIsTheServersAndTheGracePeriodStillTakesAnswers() {
        modules.standard("timed", AssessmentFixtures.Settings.plain().timeLimit(10).shuffled());
        Map<String, Object> a = start("timed");
        Instant started = Instant.parse((String) a.get("startedAt"));
        assertEquals(Instant.parse((String) a.get("deadline")), started.plus(Duration.ofMinutes(10)));
        assertEquals(Instant.parse((String) a.get("graceEndsAt")), started.plus(Duration.ofMinutes(11)));
        assertEquals("in_progress", a.get("state"));

        Map<String, Object> reloaded = get(a);
        assertEquals(a.get("deadline"), reloaded.get("deadline"), "a reload shows the same deadline");
        assertEquals(a.get("questions"), reloaded.get("questions"), "and the same questions, options and order");

        clock.advance(Duration.ofMinutes(10).plusSeconds(30));
        assertEquals("overdue", get(a).get("state"));
        assertEquals(200, save(a, "The earth goes round", true).status(), "answers are taken in the grace period");

        clock.advance(Duration.ofSeconds(40));
        Api.Reply late = save(a, "Which colour", option(question(a, "Which colour"), "Blue"));
        assertEquals(409, late.status(), late.body());
        Map<String, Object> after = get(a);
        assertEquals("finished", after.get("state"));
        assertEquals(true, after.get("autoSubmitted"));
        assertEquals(a.get("graceEndsAt"), after.get("submittedAt"), "submitted as of the end of the grace period");
        assertEquals(true, question(after, "The earth goes round").get("answer"));
        assertNull(question(after, "Which colour").get("answer"), "the late answer was not stored");
        assertEquals(new BigDecimal("12.5"), new BigDecimal(result(after).get("scorePercent").toString()));
    }

    @Test
    void theJobSubmitsExpiredAttemptsOnceAndAbandonsEmptyOnes() {
        modules.standard("timed", AssessmentFixtures.Settings.plain().timeLimit(5));
        Map<String, Object> answered = start("timed");
        save(answered, "The earth goes round", true);
        api.post("agent.south", "/api/assessments/timed/attempts", Map.of());

        clock.advance(Duration.ofMinutes(5).plusSeconds(59));
        assertEquals(0, service.closeExpired(), "still within the grace period");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(2, service.closeExpired());
        assertEquals(0, service.closeExpired(), "each attempt is submitted once");

        Map<String, Object> a = get(answered);
        assertEquals("finished", a.get("state"));
        assertEquals("final", result(a).get("status"));
        Map<String, Object> south = api.get("agent.south", "/api/attempts?state=abandoned").content().get(0);
        assertEquals("abandoned", south.get("state"));
        assertNull(south.get("scorePercent"), "an abandoned attempt has no score");
    }

    @Test
    void anExpiredAttemptIsSubmittedOnItsNextAccessAndSubmittingItAnswersTheResult() {
        modules.standard("timed", AssessmentFixtures.Settings.plain().timeLimit(5));
        Map<String, Object> a = start("timed");
        save(a, "The earth goes round", true);
        clock.advance(Duration.ofMinutes(30));
        Map<String, Object> s = submit(a);
        assertEquals("finished", s.get("state"));
        assertEquals(true, s.get("autoSubmitted"));
        assertEquals(a.get("graceEndsAt"), s.get("submittedAt"));
        assertEquals(s, submit(a), "submitting again answers the identical body");
    }

    @Test
    void anotherStartWhileAnAttemptIsOpenOrBeyondTheAttemptsAllowedIsAConflict() {
        modules.standard("limited", AssessmentFixtures.Settings.plain().attempts(2));
        Map<String, Object> first = start("limited");
        Api.Reply again = api.post("agent.north", "/api/assessments/limited/attempts", Map.of());
        assertEquals(409, again.status());
        assertTrue(again.json().get("message").toString().contains("in progress"), again.body());
        submit(first);
        submit(start("limited"));
        Api.Reply third = api.post("agent.north", "/api/assessments/limited/attempts", Map.of());
        assertEquals(409, third.status());
        assertTrue(third.json().get("message").toString().contains("All 2 attempts"), third.body());
        Map<String, Object> standing = api.get("agent.north", "/api/assessments/limited").json();
        assertEquals(2, standing.get("attemptsUsed"));
        assertEquals(0, standing.get("attemptsLeft"));
        assertEquals(false, standing.get("canStart"));
        assertEquals(201, api.post("agent.south", "/api/assessments/limited/attempts", Map.of()).status(),
                "the allowance is per agent");
    }

    @Test
    void anAssessmentWithTagsDrawsOnlyTheQuestionsCarryingAllOfThem() {
        String bank = """
                // [tag:refunds] [tag:tone]
                ::T1::One is a number.{T}

                // [tag:refunds]
                ::T2::Two is a number.{T}

                // [tag:tone] [tag:refunds]
                ::T3::Three is a number.{T}

                ::T4::Four is a number.{T}
                """;
        modules.module("tagged", AssessmentFixtures.Settings.plain(), bank, null, List.of("refunds", "tone"));
        for (int i = 0; i < 3; i++) {
            Map<String, Object> a = start("tagged");
            List<Map<String, Object>> drawn = (List<Map<String, Object>>) a.get("questions");
            assertEquals(List.of("One is a number.", "Three is a number."), drawn.stream().map(q -> String.valueOf(q.get("text"))).toList());
            submit(a);
        }
        modules.module("untagged", AssessmentFixtures.Settings.plain(), bank, null, List.of("privacy"));
        Api.Reply none = api.post("agent.north", "/api/assessments/untagged/attempts", Map.of());
        assertEquals(409, none.status(), none.body());
        assertTrue(none.body().contains("tagged privacy"), none.body());
    }

    @Test
    void eachGradingMethodPicksItsResult() {
        Map<String, String> expected = Map.of("highest", "75.0", "latest", "50.0", "first", "25.0", "average", "50.0");
        for (String method : List.of("highest", "latest", "first", "average")) {
            modules.module("gm-" + method, AssessmentFixtures.Settings.plain().grading(method).passMark(70), TRUE_FALSE, null);
            for (int right : new int[]{1, 3, 2}) {
                Map<String, Object> a = start("gm-" + method);
                for (int i = 1; i <= right; i++) {
                    save(a, List.of("One", "Two", "Three", "Four").get(i - 1), true);
                }
                submit(a);
            }
            Map<String, Object> standing = api.get("agent.north", "/api/assessments/gm-" + method).json();
            assertEquals(expected.get(method), String.valueOf(standing.get("resultPercent")), method);
            assertEquals(method.equals("highest"), standing.get("passed"), method);
        }
    }

    @Test
    void reviewAfterTheDeadlineWaitsForTheDeadlineAndNeverMeansNever() {
        modules.standard("later", AssessmentFixtures.Settings.plain().timeLimit(10).review("after_deadline"));
        Map<String, Object> a = start("later");
        save(a, "The earth goes round", true);
        Map<String, Object> s = submit(a);
        assertEquals(false, s.get("reviewAvailable"));
        IntegrityScan.assertNoKeys(s);
        assertEquals(new BigDecimal("12.5"), new BigDecimal(result(s).get("scorePercent").toString()), "the score is shown");
        clock.advance(Duration.ofMinutes(11));
        Map<String, Object> later = get(a);
        assertEquals(true, later.get("reviewAvailable"));
        assertEquals(true, review(question(later, "The earth goes round")).get("correctAnswer"));

        modules.standard("never", AssessmentFixtures.Settings.plain().review("never"));
        Map<String, Object> n = submit(start("never"));
        clock.advance(Duration.ofDays(2));
        IntegrityScan.assertNoKeys(get(n));
        Map<String, Object> bySupervisor = api.get("sup.north", "/api/attempts/" + attemptId(n)).json();
        assertEquals(true, bySupervisor.get("reviewAvailable"), "supervisors review submitted attempts whatever the setting");
    }
}
