package com.servicecoach.assessment;

import com.servicecoach.agent.AgentRepository;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The knowledge figure for scorecards: per agent and module the score the grading method picks among the
 * attempts finished (final) within the period, then the mean; a team's is the mean over all its agents'
 * (agent, module) pairs.
 */
@MicronautTest(transactional = false)
class KnowledgeScoresTest extends HttpTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    AssessmentFixtures modules;
    @Inject
    KnowledgeScores knowledge;
    @Inject
    AgentRepository agents;
    @Inject
    TestClock clock;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void attempt(String user, String code, int right) {
        Map<String, Object> a = api.post(user, "/api/assessments/" + code + "/attempts", Map.of()).json();
        for (int i = 0; i < right; i++) {
            api.put(user, "/api/attempts/" + attemptId(a) + "/answers/" + id(question(a, List.of("One", "Two", "Three", "Four").get(i))),
                    Map.of("answer", true));
        }
        api.post(user, "/api/attempts/" + attemptId(a) + "/submit", Map.of());
    }

    long agent(String no) {
        return agents.findByEmployeeNo(no).orElseThrow().id();
    }

    static Attempt finished(long agent, long module, int no, String percent, LocalDateTime submitted) {
        return new Attempt((long) no, module, agent, no, "en", Attempt.FINISHED, 60, "after_submit", "all_on_one", submitted,
                submitted, submitted, false, 0, BigDecimal.ONE, 4, new BigDecimal(percent), true, submitted, null);
    }

    @Test
    void theMeanIsOverAgentAndModulePairsEachGradedByItsMethod() {
        LocalDateTime t = LocalDateTime.of(2026, 3, 2, 8, 0);
        List<Attempt> found = List.of(finished(1, 10, 1, "25", t), finished(1, 10, 2, "75", t), finished(1, 20, 1, "75", t),
                finished(1, 20, 2, "50", t), finished(2, 10, 1, "100", t));
        BigDecimal mean = KnowledgeScores.mean(found, m -> m == 10 ? GradingMethod.HIGHEST : GradingMethod.LATEST);
        assertEquals(0, new BigDecimal("75").compareTo(mean), "(75 + 50 + 100) / 3");
        assertNull(KnowledgeScores.mean(List.of(), m -> GradingMethod.HIGHEST));
    }

    @Test
    void agentAndTeamFiguresCountFinishedAttemptsOfThePeriod() {
        String tf = """
                ::T1::One is a number.{T}

                ::T2::Two is a number.{T}

                ::T3::Three is a number.{T}

                ::T4::Four is a number.{T}
                """;
        modules.module("k-high", AssessmentFixtures.Settings.plain().grading("highest"), tf, null);
        modules.module("k-late", AssessmentFixtures.Settings.plain().grading("latest"), tf, null);
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        attempt("agent.north", "k-high", 1);
        attempt("agent.north", "k-high", 3);
        attempt("agent.north", "k-late", 3);
        attempt("agent.north", "k-late", 2);
        attempt("agent.south", "k-high", 4);
        // an abandoned attempt and one still open do not count
        api.post("agent.south", "/api/assessments/k-late/attempts", Map.of());

        long n1 = agent("N1");
        long s1 = agent("S1");
        assertEquals(0, new BigDecimal("62.5").compareTo(knowledge.agentPercent(n1, today, today, SHANGHAI)), "(75 + 50) / 2");
        assertEquals(0, new BigDecimal("100").compareTo(knowledge.agentPercent(s1, today, today, SHANGHAI)));
        assertEquals(0, new BigDecimal("75").compareTo(knowledge.teamPercent(List.of(n1, s1), today, today, SHANGHAI)));
        assertNull(knowledge.agentPercent(agent("N2"), today, today, SHANGHAI), "no assessment completed: no figure");
        assertNull(knowledge.agentPercent(n1, today.minusDays(7), today.minusDays(1), SHANGHAI), "none in an earlier period");
        Map<Long, BigDecimal> all = knowledge.agentPercents(List.of(n1, s1, agent("N2")), today, today, SHANGHAI);
        assertEquals(2, all.size(), "read at once, each as agentPercent gives it; N2 has none: " + all);
        assertEquals(0, new BigDecimal("62.5").compareTo(all.get(n1)));
        assertEquals(0, new BigDecimal("100").compareTo(all.get(s1)));

        clock.advance(Duration.ofDays(3));
        attempt("agent.north", "k-late", 4);
        LocalDate later = LocalDate.now(clock.withZone(SHANGHAI));
        assertEquals(0, new BigDecimal("100").compareTo(knowledge.agentPercent(n1, later, later, SHANGHAI)),
                "only that day's attempt counts for that day");
        assertEquals(0, new BigDecimal("87.5").compareTo(knowledge.agentPercent(n1, today, later, SHANGHAI)),
                "the latest k-late attempt (100) with k-high's highest (75)");
        assertEquals(0, new BigDecimal("100").compareTo(knowledge.agentPercent(s1, today, later, SHANGHAI)),
                "the attempt S1 left open does not count");
    }
}
