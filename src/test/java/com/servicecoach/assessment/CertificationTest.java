package com.servicecoach.assessment;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Certification: passing grants it for the module's period and completes the module (lessons read); it is
 * flagged 30 days before expiry to the agent and supervisor; once expired the module is assigned again and
 * a new round of attempts begins.
 */
@MicronautTest(transactional = false)
class CertificationTest extends HttpTest {

    @Inject
    AssessmentFixtures modules;
    @Inject
    TestClock clock;
    @Inject
    Certifications certifications;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Answers every automatically graded question right; the essay only when asked. 7/8 = 87.5% without it. */
    Map<String, Object> pass(String code, String essay) {
        Api.Reply started = api.post("agent.north", "/api/assessments/" + code + "/attempts", Map.of());
        assertEquals(201, started.status(), started.body());
        Map<String, Object> a = started.json();
        long id = attemptId(a);
        Map<String, Object> ma = question(a, "Which of these are fruit");
        Map<String, Object> mt = question(a, "Match each thing");
        Map<String, Object> answers = new java.util.LinkedHashMap<>();
        answers.put("Which colour", option(question(a, "Which colour"), "Blue"));
        answers.put("Which of these are fruit", List.of(option(ma, "Apple"), option(ma, "Pear")));
        answers.put("The earth goes round", true);
        answers.put("The first of the three", "acknowledge");
        answers.put("Within how many seconds", 60);
        answers.put("Pick a number", 2);
        answers.put("Match each thing", Map.of(stem(mt, "cat"), option(mt, "animal"), stem(mt, "rose"), option(mt, "plant"),
                stem(mt, "iron"), option(mt, "metal")));
        if (essay != null) {
            answers.put("Write a short apology", essay);
        }
        answers.forEach((q, v) -> assertEquals(200, api.put("agent.north", "/api/attempts/" + id + "/answers/" + id(question(a, q)),
                Map.of("answer", v)).status()));
        return api.post("agent.north", "/api/attempts/" + id + "/submit", Map.of()).json();
    }

    List<Map<String, Object>> certs(String user, String query) {
        Api.Reply r = api.get(user, "/api/certifications" + query);
        assertEquals(200, r.status(), r.body());
        return r.content();
    }

    List<String> kinds(String user) {
        return api.get(user, "/api/notifications").content().stream().map(n -> (String) n.get("kind")).toList();
    }

    @Test
    void passingCertifiesForTheModulesPeriodAndCompletesTheModuleWhenTheLessonsAreRead() {
        modules.standard("cert", AssessmentFixtures.Settings.plain().certification(12));
        assertEquals(200, api.get("agent.north", "/api/modules/cert/lessons/01-only").status());
        Map<String, Object> s = pass("cert", null);
        assertEquals(true, result(s).get("passed"));

        List<Map<String, Object>> mine = certs("agent.north", "");
        assertEquals(1, mine.size());
        Map<String, Object> c = mine.get(0);
        assertEquals("cert", c.get("module"));
        assertEquals("valid", c.get("status"));
        assertEquals("87.5", String.valueOf(c.get("scorePercent")));
        Instant granted = Instant.parse((String) c.get("grantedAt"));
        assertEquals(granted.atOffset(ZoneOffset.UTC).plusMonths(12).toInstant(), Instant.parse((String) c.get("expiresAt")));
        assertTrue(kinds("agent.north").containsAll(List.of("assessment.passed", "assessment.certified")), kinds("agent.north").toString());

        @SuppressWarnings("unchecked")
        Map<String, Object> progress = (Map<String, Object>) api.get("agent.north", "/api/modules/cert").json().get("progress");
        assertNotNull(progress.get("completedAt"), "lessons read and assessment passed: the module is completed");
        assertEquals(1, certs("sup.north", "?agent=N1").size());
        assertEquals(0, certs("sup.south", "").size(), "other teams' certifications are not listed");
    }

    @Test
    void anEssayWaitsForItsGradeBeforeTheResultAndTheCertification() {
        modules.standard("cert", AssessmentFixtures.Settings.plain().passMark(90));
        Map<String, Object> s = pass("cert", "We are sorry; a new parcel leaves today and I will send you the tracking number by 5 pm.");
        assertEquals("awaiting_grading", result(s).get("status"));
        assertTrue(kinds("sup.north").contains("assessment.toGrade"), "the supervisor is told there is something to grade");
        assertEquals(0, certs("agent.north", "").size());
        Api.Reply queue = api.get("sup.north", "/api/grading-queue");
        assertEquals(1, queue.content().size());
        Map<String, Object> item = queue.content().get(0);
        assertEquals("N1", item.get("agent"));
        assertTrue(((String) item.get("answer")).startsWith("We are sorry"));
        assertEquals(2, ((List<?>) item.get("rubric")).size());

        Api.Reply graded = api.post("sup.north", "/api/attempts/" + attemptId(s) + "/questions/" + ((Number) item.get("question")).longValue()
                + "/grade", Map.of("points", List.of(3, 2)));
        assertEquals(200, graded.status(), graded.body());
        assertEquals("100.0", String.valueOf(result(graded.json()).get("scorePercent")));
        assertEquals(1, certs("agent.north", "").size(), "certified once the result is final");
        assertEquals(0, api.get("sup.north", "/api/grading-queue").content().size());
        Api.Reply twice = api.post("sup.north", "/api/attempts/" + attemptId(s) + "/questions/" + ((Number) item.get("question")).longValue()
                + "/grade", Map.of("points", List.of(1, 1)));
        assertEquals(409, twice.status(), "a graded answer is not graded again");
    }

    @Test
    void expiringCertificationsAreFlaggedAndExpiredOnesAssignTheModuleAgainWithANewRoundOfAttempts() {
        modules.standard("cert", AssessmentFixtures.Settings.plain().certification(12).attempts(1));
        api.get("agent.north", "/api/modules/cert/lessons/01-only");
        pass("cert", null);
        assertEquals(409, api.post("agent.north", "/api/assessments/cert/attempts", Map.of()).status(), "the one attempt is used");
        assertEquals(0, certifications.review(), "nothing to flag yet");

        clock.advance(Duration.ofDays(350));
        assertEquals(1, certifications.review());
        assertEquals("expiring", certs("agent.north", "").get(0).get("status"));
        assertEquals(1, certs("sup.north", "?status=expiring").size());
        assertTrue(kinds("agent.north").contains("assessment.certExpiring"));
        assertTrue(kinds("sup.north").contains("assessment.certExpiringTeam"));
        assertTrue(api.get("agent.north", "/certifications").body().contains("id=\"expiring-alert\""), "flagged on the agent's page");
        assertTrue(api.get("sup.north", "/certifications").body().contains("cert-row cert-expiring"), "and on the supervisor's");
        assertEquals(0, certifications.review(), "flagged once");

        clock.advance(Duration.ofDays(20));
        assertEquals(1, certifications.review());
        Map<String, Object> expired = certs("agent.north", "").get(0);
        assertEquals("expired", expired.get("status"));
        assertNotNull(expired.get("renewalAssignment"));
        List<Map<String, Object>> assigned = api.get("sup.north", "/api/assignments?agent=N1").content();
        assertEquals(1, assigned.size(), assigned.toString());
        assertEquals("cert", assigned.get(0).get("module"));
        assertEquals("open", assigned.get(0).get("status"));
        assertTrue(kinds("agent.north").contains("assessment.certExpired"));
        assertEquals(0, certifications.review(), "assigned once");
        assertEquals(1, api.get("sup.north", "/api/assignments?agent=N1").content().size());

        Map<String, Object> standing = api.get("agent.north", "/api/assessments/cert").json();
        assertEquals(0, standing.get("attemptsUsed"), "a new round after the expiry");
        assertNull(standing.get("resultPercent"));
        Map<String, Object> renewed = pass("cert", null);
        assertEquals(true, result(renewed).get("passed"));
        assertEquals("valid", certs("agent.north", "").get(0).get("status"));
        assertEquals("completed", api.get("sup.north", "/api/assignments?agent=N1").content().get(0).get("status"),
                "the new certification completes the new assignment (the lesson was read before)");
    }
}
