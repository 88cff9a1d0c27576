package com.servicecoach.training;

import com.servicecoach.question.GiftParser;
import com.servicecoach.question.GiftResult;
import com.servicecoach.question.Question;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bank's read route, its GIFT export and the round trip through the import routes (administrators only). */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class QuestionBankApiTest extends HttpTest {

    @Inject
    TrainingContent content;
    @Inject
    TrainingModuleRepository modules;
    @Inject
    TrainingQuestionRepository questions;
    @Inject
    QuestionJson json;

    @BeforeEach
    void load() {
        content.reload();
    }

    Api.Reply importInto(String code, String gift) {
        return api.send("admin", HttpRequest.POST("/api/modules/" + code + "/questions/import", gift)
                .contentType(MediaType.TEXT_PLAIN_TYPE));
    }

    List<Question> bank(String code) {
        Long id = modules.findByCode(code).orElseThrow().id();
        return questions.findByModuleIdAndActiveOrderById(id, true).stream()
                .sorted(Comparator.comparingInt(TrainingQuestion::position).thenComparing(TrainingQuestion::id))
                .map(q -> json.read(q.contentEn()).withLine(0)).toList();
    }

    @Test
    void exportedBankImportsIntoAnotherModuleAsTheSameQuestions() throws IOException {
        String moodle = Files.readString(Path.of("../shared/testdata/gift/moodle-examples.gift.txt"));
        assertEquals(200, importInto("complaint-handling", moodle).status());
        Api.Reply export = api.get("admin", "/api/modules/complaint-handling/questions.gift");
        assertEquals(200, export.status(), export.body());
        assertTrue(export.body().startsWith("// question: 1  name: "), export.body());

        GiftResult parsed = GiftParser.parse(export.body());
        assertEquals(List.of(), parsed.errors());
        // GIFT cannot switch back to no category, so the imported questions (none) come before the module's (one)
        List<Question> before = bank("complaint-handling").stream().sorted(Comparator.comparing(q -> q.category() != null)).toList();
        assertEquals(before, parsed.questions().stream().map(q -> q.withLine(0)).toList());

        List<Question> target = bank("returns-refunds");
        Api.Reply again = importInto("returns-refunds", export.body());
        assertEquals(200, again.status(), again.body());
        List<Question> after = bank("returns-refunds");
        assertEquals(before, after.subList(target.size(), after.size()));

        Api.Reply page = api.get("admin", "/modules/complaint-handling/questions.gift");
        assertEquals(200, page.status());
        assertEquals(export.body(), page.body());
    }

    @Test
    void readRouteListsTheParsedQuestionsPaged() {
        assertEquals(200, importInto("complaint-handling", """
                // [id:CH-7] [tag:tone] [tag:refunds]
                ::Pick:: Which? {=%100%yes#[html]<b>good</b> ~%-50%no ####[html]<p>why</p>}
                """).status());
        Api.Reply all = api.get("admin", "/api/modules/complaint-handling/questions?size=200");
        assertEquals(200, all.status(), all.body());
        List<Map<String, Object>> content = all.content();
        assertEquals(((Number) all.json().get("totalElements")).intValue(), content.size());
        Map<String, Object> pick = content.stream().filter(q -> "Pick".equals(q.get("name"))).findFirst().orElseThrow();
        assertEquals("CH-7", pick.get("idNumber"));
        assertEquals(List.of("tone", "refunds"), pick.get("tags"));
        assertEquals("html", pick.get("generalFeedbackFormat"));
        assertEquals("import", pick.get("source"));
        List<Map<String, Object>> choices = (List<Map<String, Object>>) pick.get("choices");
        assertEquals("html", choices.get(0).get("feedbackFormat"));
        assertEquals(-0.5, ((Number) choices.get(1).get("fraction")).doubleValue());
        Map<String, Object> file = content.get(0);
        assertEquals("file", file.get("source"));
        assertTrue(file.containsKey("idNumber") && file.get("idNumber") == null, file.toString());
        assertEquals(List.of(), file.get("tags"));

        Api.Reply first = api.get("admin", "/api/modules/complaint-handling/questions?page=1&size=2");
        assertEquals(2, first.content().size());
        assertEquals(content.get(2).get("id"), first.content().get(0).get("id"));

        Api.Reply html = api.get("admin", "/modules/complaint-handling/questions");
        assertEquals(200, html.status());
        assertTrue(html.body().contains("CH-7") && html.body().contains("<b>good</b>") && html.body().contains("<p>why</p>"),
                html.body());
    }

    @Test
    void anIdNumberTheBankAlreadyHoldsIsALineNumberedError() {
        assertEquals(200, importInto("complaint-handling", "// [id:X-1]\n::A:: First? {T}\n").status());
        Api.Reply second = importInto("complaint-handling", "::B:: Fine? {T}\n\n// [id:X-1]\n::C:: Again? {F}\n");
        assertEquals(422, second.status(), second.body());
        List<Map<String, Object>> errors = (List<Map<String, Object>>) second.json().get("errors");
        assertEquals(4, errors.get(0).get("line"));
        assertTrue(errors.get(0).get("message").toString().contains("X-1"), second.body());
        assertEquals(0, second.json().get("imported"));
    }

    @Test
    void othersMayNotReadOrExportTheBank() {
        for (String user : List.of("hr.lin", "sup.north", "agent.north")) {
            assertEquals(403, api.get(user, "/api/modules/complaint-handling/questions").status(), user);
            assertEquals(403, api.get(user, "/api/modules/complaint-handling/questions.gift").status(), user);
        }
        assertEquals(404, api.get("admin", "/api/modules/nope/questions").status());
    }
}
