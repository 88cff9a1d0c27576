package com.servicecoach.assessment;

import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many agents saving their first answers at the same moment: every save answers 200 and leaves exactly one
 * answer row per (attempt, question). On MySQL the former UPDATE-then-INSERT took gap locks on the answer
 * index that deadlocked each other's inserts (5 of 30 agents answered 500).
 */
@MicronautTest(transactional = false)
class ConcurrentAnswerSaveTest extends HttpTest {

    static final int AGENTS = 30;

    @Inject
    AssessmentFixtures modules;
    @Inject
    TeamRepository teams;

    record Save(String token, long attempt, long question, Object answer) {
    }

    @Test
    void thirtyAgentsSavingTheirFirstAnswersAtOnceAllGet200AndOneRowPerQuestion() throws Exception {
        modules.standard("rush", AssessmentFixtures.Settings.plain());
        Team north = teams.findByName("North").orElseThrow();
        List<List<Save>> perAgent = new ArrayList<>();
        for (int i = 1; i <= AGENTS; i++) {
            String no = String.format("C%02d", i);
            String user = "agent.c" + String.format("%02d", i);
            fixtures.agent(no, "Agent " + no, north, "chat");
            fixtures.user(user, "AGENT", no);
            Api.Reply started = api.post(user, "/api/assessments/rush/attempts", Map.of());
            assertEquals(201, started.status(), started.body());
            Map<String, Object> a = started.json();
            long id = attemptId(a);
            Map<String, Object> mc = question(a, "Which colour");
            perAgent.add(List.of(
                    new Save(api.token(user), id, id(question(a, "The earth goes round")), true),
                    new Save(api.token(user), id, id(mc), option(mc, "Blue")),
                    new Save(api.token(user), id, id(question(a, "The first of the three")), "Acknowledge"),
                    new Save(api.token(user), id, id(question(a, "Within how many seconds")), 60)));
        }

        // each agent saves its answers one after the other, as the page does; a second tab of each agent
        // saves the same first answer at the same time
        ExecutorService pool = Executors.newFixedThreadPool(AGENTS * 2);
        List<Future<List<Api.Reply>>> replies = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (List<Save> saves : perAgent) {
                replies.add(pool.submit(() -> {
                    go.await();
                    List<Api.Reply> out = new ArrayList<>();
                    for (Save s : saves) {
                        out.add(put(s));
                    }
                    return out;
                }));
                replies.add(pool.submit(() -> {
                    go.await();
                    return List.of(put(saves.get(0)));
                }));
            }
            go.countDown();
            int ok = 0;
            List<String> failures = new ArrayList<>();
            for (Future<List<Api.Reply>> f : replies) {
                for (Api.Reply r : f.get(120, TimeUnit.SECONDS)) {
                    if (r.status() == 200) {
                        ok++;
                    } else {
                        failures.add(r.status() + " " + r.body());
                    }
                }
            }
            assertEquals(List.of(), failures, "every save answers 200");
            assertEquals(AGENTS * 5, ok);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(AGENTS * 4L, count("SELECT COUNT(*) FROM assessment_answer"));
        assertEquals(0L, count("SELECT COUNT(*) FROM (SELECT attempt_id, question_id FROM assessment_answer "
                + "GROUP BY attempt_id, question_id HAVING COUNT(*) > 1) d"), "one row per (attempt, question)");
        assertEquals((long) AGENTS, count("SELECT COUNT(DISTINCT attempt_id) FROM assessment_answer"));
        for (List<Save> saves : perAgent) {
            Map<String, Object> a = api.exchange(HttpRequest.GET("/api/attempts/" + saves.get(0).attempt())
                    .bearerAuth(saves.get(0).token())).json();
            assertEquals(true, question(a, "The earth goes round").get("answer"));
            assertEquals("Acknowledge", question(a, "The first of the three").get("answer"));
            assertTrue(question(a, "Which colour").get("answer") != null);
        }
    }

    Api.Reply put(Save s) {
        return api.exchange(HttpRequest.PUT("/api/attempts/" + s.attempt() + "/answers/" + s.question(),
                Map.of("answer", s.answer())).bearerAuth(s.token()));
    }

    long count(String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
