package com.servicecoach.assessment;

import com.servicecoach.question.Choice;
import com.servicecoach.question.MatchPair;
import com.servicecoach.question.NumericAnswer;
import com.servicecoach.question.Question;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.training.QuestionJson;
import com.servicecoach.training.TrainingContent;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.training.TrainingQuestion;
import com.servicecoach.training.TrainingQuestionRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every starter module's assessment can be taken start to finish in both languages: an agent who knows
 * every answer (read here from the bank, as a perfect candidate) scores 100% once the supervisor has
 * graded the essays with full marks, and is certified.
 */
@MicronautTest(transactional = false)
class StarterModulesTest extends HttpTest {

    @Inject
    TrainingContent content;
    @Inject
    TrainingModuleRepository modules;
    @Inject
    TrainingQuestionRepository questions;
    @Inject
    QuestionJson json;

    /** The perfect answer to a question as shown in the attempt (the attempt's ids, found by the texts shown). */
    Object perfect(Map<String, Object> shown, Question q) {
        switch (q.type()) {
            case MULTICHOICE -> {
                if (q.multipleAnswers()) {
                    List<String> ids = new ArrayList<>();
                    q.choices().stream().filter(Choice::earnsCredit).forEach(c -> ids.add(option(shown, c.text())));
                    return ids;
                }
                return option(shown, q.choices().stream().max(Comparator.comparing(Choice::fraction)).orElseThrow().text());
            }
            case TRUEFALSE -> {
                return q.trueFalseAnswer();
            }
            case SHORTANSWER -> {
                return q.choices().stream().max(Comparator.comparing(Choice::fraction)).orElseThrow().text().replace("*", "");
            }
            case NUMERICAL -> {
                NumericAnswer best = q.numeric().stream().filter(n -> !n.isCatchAll())
                        .max(Comparator.comparing(NumericAnswer::fraction)).orElseThrow();
                return best.value();
            }
            case MATCH -> {
                Map<String, String> pairs = new LinkedHashMap<>();
                for (MatchPair p : q.pairs()) {
                    if (!p.isDistractor()) {
                        pairs.put(stem(shown, p.stem()), option(shown, p.answer()));
                    }
                }
                return pairs;
            }
            default -> {
                return "A full answer to the scenario: greet, acknowledge, act, confirm the next step and close.";
            }
        }
    }

    @Test
    void everyStarterAssessmentCanBeTakenToAFullScoreInEnglishAndChinese() {
        content.reload();
        List<TrainingModule> starters = modules.findByActiveOrderByCode(true);
        assertEquals(8, starters.size());
        Map<String, String> takers = Map.of("en", "agent.north", "zh-CN", "agent.south");
        Map<String, String> graders = Map.of("agent.north", "sup.north", "agent.south", "sup.south");
        for (TrainingModule m : starters) {
            Map<Long, TrainingQuestion> bank = new LinkedHashMap<>();
            questions.findByModuleIdOrderById(m.id()).forEach(q -> bank.put(q.id(), q));
            for (Map.Entry<String, String> e : takers.entrySet()) {
                String user = e.getValue();
                Api.Reply started = api.send(user, HttpRequest.POST("/api/assessments/" + m.code() + "/attempts", Map.of())
                        .header("Accept-Language", e.getKey()));
                assertEquals(201, started.status(), m.code() + ": " + started.body());
                Map<String, Object> a = started.json();
                assertEquals(e.getKey(), a.get("language"));
                assertEquals(m.questionCount(), questions(a).size(), m.code());
                IntegrityScan.assertNoKeys(a);
                long id = attemptId(a);
                for (Map<String, Object> shown : questions(a)) {
                    Question q = json.read(bank.get(id(shown)).content(e.getKey().equals("zh-CN")));
                    assertEquals(q.text(), shown.get("text"), "shown in the language of the start");
                    Api.Reply saved = api.put(user, "/api/attempts/" + id + "/answers/" + id(shown),
                            java.util.Collections.singletonMap("answer", perfect(shown, q)));
                    assertEquals(200, saved.status(), m.code() + " " + q.name() + ": " + saved.body());
                }
                Map<String, Object> submitted = api.post(user, "/api/attempts/" + id + "/submit", Map.of()).json();
                assertEquals("finished", submitted.get("state"));
                for (Map<String, Object> shown : questions(submitted)) {
                    if ("essay".equals(shown.get("type"))) {
                        List<?> rubric = (List<?>) review(shown).get("rubric");
                        List<Integer> full = rubric.stream().map(l -> ((Number) ((Map<?, ?>) l).get("maxPoints")).intValue()).toList();
                        Api.Reply graded = api.post(graders.get(user), "/api/attempts/" + id + "/questions/" + id(shown) + "/grade",
                                Map.of("points", full, "comment", "Full marks"));
                        assertEquals(200, graded.status(), graded.body());
                    }
                }
                Map<String, Object> done = api.get(user, "/api/attempts/" + id).json();
                assertEquals("final", result(done).get("status"), m.code());
                assertEquals("100.0", String.valueOf(result(done).get("scorePercent")), m.code() + " " + e.getKey() + ": " + done);
                assertEquals(true, result(done).get("passed"));
            }
        }
        for (String user : takers.values()) {
            List<Map<String, Object>> certs = api.get(user, "/api/certifications?size=50").content();
            assertEquals(8, certs.size(), user);
            assertTrue(certs.stream().allMatch(c -> c.get("status").equals("valid")));
        }
    }
}
