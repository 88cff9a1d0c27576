package com.servicecoach.assessment;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What makes attempts trustworthy: no answer key before review, answers saved once and at once, only the
 * owner saves and submits, two simultaneous submits grade once, nothing changes after submission.
 */
@MicronautTest(transactional = false)
class AttemptIntegrityTest extends HttpTest {

    @Inject
    AssessmentFixtures modules;
    @Inject
    MeterRegistry meters;
    @Inject
    ApplicationContext context;

    Map<String, Object> start() {
        Api.Reply r = api.post("agent.north", "/api/assessments/trust/attempts", Map.of());
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    String answers(long attempt) {
        return "/api/attempts/" + attempt + "/answers/";
    }

    long rows(String sql, long... args) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setLong(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String storedAnswer(long attempt, long question) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT response FROM assessment_answer WHERE attempt_id = ? AND question_id = ?")) {
            s.setLong(1, attempt);
            s.setLong(2, question);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noAnswerKeyOrFeedbackReachesTheClientBeforeReview() throws Exception {
        modules.standard("trust", AssessmentFixtures.Settings.plain().shuffled());
        Api.Reply started = api.post("agent.north", "/api/assessments/trust/attempts", Map.of());
        Map<String, Object> a = started.json();
        long id = attemptId(a);
        Map<String, Object> mc = question(a, "Which colour");
        Api.Reply saved = api.put("agent.north", answers(id) + id(mc), Map.of("answer", option(mc, "Blue")));
        List<Api.Reply> before = List.of(started, saved, api.get("agent.north", "/api/attempts/" + id),
                api.get("sup.north", "/api/attempts/" + id), api.get("agent.north", "/api/attempts"),
                api.get("agent.north", "/api/assessments/trust"), api.get("agent.north", "/api/assessments"));
        for (Api.Reply r : before) {
            assertEquals(200 + (r == started ? 1 : 0), r.status(), r.body());
            IntegrityScan.assertNoKeys(mapper.readValue(r.body(), Object.class));
            for (String marker : List.of("FB-", "GF-MC1", "Acknowledging")) {
                assertFalse(r.body().contains(marker), marker + " leaked: " + r.body());
            }
        }
        // option ids are the attempt's own: they do not give away the bank's order of answers
        assertEquals(List.of("o1", "o2", "o3"), ((List<?>) mc.get("options")).stream().map(o -> ((Map<?, ?>) o).get("id")).toList());

        // the scanner does find the keys once review is allowed
        Api.Reply submitted = api.post("agent.north", "/api/attempts/" + id + "/submit", Map.of());
        List<String> found = IntegrityScan.forbiddenKeys(mapper.readValue(submitted.body(), Object.class));
        assertTrue(found.stream().anyMatch(k -> k.endsWith(".correctAnswer")) && found.stream().anyMatch(k -> k.endsWith(".feedback")), found.toString());
        assertTrue(submitted.body().contains("FB-MC1-right") && submitted.body().contains("GF-MC1"));
    }

    @Test
    void savingTheSameAnswerTwiceStoresOneAnswerAndNullClearsIt() {
        modules.standard("trust", AssessmentFixtures.Settings.plain());
        Map<String, Object> a = start();
        long id = attemptId(a);
        Map<String, Object> ma = question(a, "Which of these are fruit");
        long q = id(ma);
        Map<String, Object> body = Map.of("answer", List.of(option(ma, "Apple"), option(ma, "Pear")));
        Api.Reply first = api.put("agent.north", answers(id) + q, body);
        assertEquals(200, api.put("agent.north", answers(id) + q, body).status());
        assertEquals(List.of(option(ma, "Apple"), option(ma, "Pear")), first.json().get("answer"));
        assertEquals(1, rows("SELECT COUNT(*) FROM assessment_answer WHERE attempt_id = ? AND question_id = ?", id, q));
        assertEquals("[\"1\",\"2\"]", storedAnswer(id, q), "stored in the bank's ids, committed at once");

        api.put("agent.north", answers(id) + q, Map.of("answer", List.of(option(ma, "Stone"))));
        assertEquals(1, rows("SELECT COUNT(*) FROM assessment_answer WHERE attempt_id = ? AND question_id = ?", id, q));
        assertEquals("[\"3\"]", storedAnswer(id, q));
        assertEquals(200, api.put("agent.north", answers(id) + q, java.util.Collections.singletonMap("answer", null)).status());
        assertEquals(0, rows("SELECT COUNT(*) FROM assessment_answer WHERE attempt_id = ?", id));
    }

    @Test
    void answersThatDoNotFitTheQuestionAre422AndStoreNothing() {
        modules.standard("trust", AssessmentFixtures.Settings.plain());
        Map<String, Object> a = start();
        long id = attemptId(a);
        Map<Long, Object> bad = Map.of(id(question(a, "Which colour")), "o9", id(question(a, "The earth goes round")), "yes",
                id(question(a, "Within how many seconds")), "sixty", id(question(a, "Which of these are fruit")), "o1",
                id(question(a, "Match each thing")), Map.of("s7", "o1"));
        for (Map.Entry<Long, Object> e : bad.entrySet()) {
            Api.Reply r = api.put("agent.north", answers(id) + e.getKey(), Map.of("answer", e.getValue()));
            assertEquals(422, r.status(), r.body());
            assertTrue(r.body().contains("\"answer\""), "the error names the field: " + r.body());
        }
        Api.Reply empty = api.put("agent.north", answers(id) + id(question(a, "Which colour")), Map.of("other", 1));
        assertEquals(422, empty.status());
        assertEquals(404, api.put("agent.north", answers(id) + 999999, Map.of("answer", "x")).status());
        assertEquals(0, rows("SELECT COUNT(*) FROM assessment_answer WHERE attempt_id = ?", id));
    }

    @Test
    void onlyTheOwnerSavesOrSubmitsOthersGet404AndReadersReadIt() {
        modules.standard("trust", AssessmentFixtures.Settings.plain());
        Map<String, Object> a = start();
        long id = attemptId(a);
        long q = id(question(a, "The earth goes round"));
        for (String other : List.of("agent.south", "sup.north", "admin", "hr.lin")) {
            assertEquals(404, api.put(other, answers(id) + q, Map.of("answer", true)).status(), other);
            assertEquals(404, api.post(other, "/api/attempts/" + id + "/submit", Map.of()).status(), other);
        }
        assertEquals(0, rows("SELECT COUNT(*) FROM assessment_answer WHERE attempt_id = ?", id));
        assertEquals("in_progress", api.get("agent.north", "/api/attempts/" + id).json().get("state"));
        for (String reader : List.of("agent.north", "sup.north", "hr.lin", "admin")) {
            assertEquals(200, api.get(reader, "/api/attempts/" + id).status(), reader);
        }
        assertEquals(404, api.get("sup.south", "/api/attempts/" + id).status());
        assertEquals(404, api.get("agent.south", "/api/attempts/" + id).status());
        assertEquals(403, api.post("sup.north", "/api/assessments/trust/attempts", Map.of()).status(),
                "only users linked to an agent profile take assessments");
    }

    @Test
    void afterSubmissionEverySaveIs409WhateverTheBodyAndChangesNothing() {
        modules.standard("trust", AssessmentFixtures.Settings.plain());
        Map<String, Object> a = start();
        long id = attemptId(a);
        long q = id(question(a, "The earth goes round"));
        api.put("agent.north", answers(id) + q, Map.of("answer", true));
        Api.Reply submitted = api.post("agent.north", "/api/attempts/" + id + "/submit", Map.of());
        for (Object body : List.of(Map.of("answer", false), Map.of("answer", "not a boolean"), "{oops")) {
            Api.Reply r = api.send("agent.north", HttpRequest.PUT(answers(id) + q, body).contentType(MediaType.APPLICATION_JSON_TYPE));
            assertEquals(409, r.status(), body + " -> " + r.body());
        }
        assertEquals("true", storedAnswer(id, q));
        Api.Reply again = api.post("agent.north", "/api/attempts/" + id + "/submit", Map.of());
        assertEquals(200, again.status());
        assertEquals(submitted.body(), again.body(), "submitting again answers the identical body");
    }

    @Test
    void twoSimultaneousSubmitsGradeOnceAndAnswerTheSameBody() throws Exception {
        modules.standard("trust", AssessmentFixtures.Settings.plain());
        double gradedBefore = meters.counter("servicecoach.assessment.attempts.graded").count();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int rounds = 4;
        try {
            for (int i = 0; i < rounds; i++) {
                Map<String, Object> a = start();
                long id = attemptId(a);
                api.put("agent.north", answers(id) + id(question(a, "The earth goes round")), Map.of("answer", true));
                String token = api.token("agent.north");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Api.Reply>> replies = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    replies.add(pool.submit(() -> {
                        go.await();
                        return api.exchange(HttpRequest.POST("/api/attempts/" + id + "/submit", Map.of()).bearerAuth(token));
                    }));
                }
                go.countDown();
                Api.Reply one = replies.get(0).get();
                Api.Reply two = replies.get(1).get();
                assertEquals(200, one.status(), one.body());
                assertEquals(200, two.status(), two.body());
                assertEquals(one.body(), two.body());
                assertEquals("final", result(one.json()).get("status"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(rounds, meters.counter("servicecoach.assessment.attempts.graded").count() - gradedBefore, 0.0001,
                "each attempt graded exactly once");
        assertEquals(rounds, rows("SELECT COUNT(*) FROM notification WHERE username = 'agent.north' AND kind = 'assessment.failed'"));
    }

    @Test
    void twoSimultaneousStartsMakeOneAttempt() throws Exception {
        modules.standard("trust", AssessmentFixtures.Settings.plain().attempts(1));
        String token = api.token("agent.north");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return api.exchange(HttpRequest.POST("/api/assessments/trust/attempts", Map.of()).bearerAuth(token));
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>(List.of(replies.get(0).get().status(), replies.get(1).get().status()));
            statuses.sort(Integer::compare);
            assertEquals(List.of(201, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rows("SELECT COUNT(*) FROM assessment_attempt"));
    }

    @Test
    void savedAnswersAreThereAfterARestart() {
        modules.standard("trust", AssessmentFixtures.Settings.plain().shuffled());
        Map<String, Object> a = start();
        long id = attemptId(a);
        Map<String, Object> mt = question(a, "Match each thing");
        Map<String, String> match = Map.of(stem(mt, "cat"), option(mt, "animal"));
        api.put("agent.north", answers(id) + id(mt), Map.of("answer", match));
        api.put("agent.north", answers(id) + id(question(a, "Write a short apology")), Map.of("answer", "Sorry — 对不起"));

        // a second server on the same database, as after a restart
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), Environment.TEST);
             HttpClient client = HttpClient.create(second.getURL())) {
            assertNotEquals(context, second.getApplicationContext());
            Api other = new Api(client, mapper);
            Api.Reply r = other.get("agent.north", "/api/attempts/" + id);
            assertEquals(200, r.status(), r.body());
            Map<String, Object> reloaded = r.json();
            assertEquals(match, question(reloaded, "Match each thing").get("answer"));
            assertEquals("Sorry — 对不起", question(reloaded, "Write a short apology").get("answer"));
            assertEquals(questions(a).stream().map(q -> q.get("options")).toList(),
                    questions(reloaded).stream().map(q -> q.get("options")).toList(), "the same order after the restart");
        }
    }
}
