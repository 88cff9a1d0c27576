package com.servicecoach.training;

import com.servicecoach.question.GiftParser;
import com.servicecoach.question.Question;
import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/modules/{code}/questions/import (administrators) with Moodle's own GIFT files, a broken file, and each role. */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class GiftImportApiTest {

    static final Path GIFT = Path.of("../shared/testdata/gift");
    static final String ROUTE = "/api/modules/complaint-handling/questions/import";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    TrainingContent content;
    @Inject
    TrainingModuleRepository modules;
    @Inject
    TrainingQuestionRepository questions;
    @Inject
    QuestionJson json;

    Api api;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        content.reload();
        api = new Api(http, mapper);
    }

    Api.Reply importAs(String user, String path, String body) {
        return api.send(user, HttpRequest.POST(path, body).contentType(MediaType.TEXT_PLAIN_TYPE));
    }

    List<TrainingQuestion> imported() {
        Long id = modules.findByCode("complaint-handling").orElseThrow().id();
        return questions.findByModuleIdAndSource(id, TrainingQuestion.IMPORT);
    }

    @Test
    void moodleExamplesFileImportsAs43QuestionsOfMoodlesTypes() throws IOException {
        Api.Reply r = importAs("admin", ROUTE, Files.readString(GIFT.resolve("moodle-examples.gift.txt")));
        assertEquals(200, r.status(), r.body());
        assertEquals(43, r.json().get("imported"));
        Map<String, Object> byType = new LinkedHashMap<>();
        byType.put("multichoice", 18);
        byType.put("truefalse", 5);
        byType.put("shortanswer", 9);
        byType.put("match", 3);
        byType.put("numerical", 8);
        assertEquals(byType, r.json().get("byType"));
        assertEquals(List.of(), r.json().get("errors"));
        assertEquals(43, imported().size());
        assertTrue(imported().stream().allMatch(q -> "admin".equals(q.importedBy()) && q.contentZh() == null));

        // the detail page's bank counts include them, and nothing of the answers is shown
        Map<String, Object> bank = (Map<String, Object>) api.get("agent.north", "/api/modules/complaint-handling").json().get("questionBank");
        assertEquals(18 + 43, bank.get("total"));
        assertEquals(43, bank.get("imported"));
    }

    @Test
    void moodleFixtureFileImportsAs9Questions() throws IOException {
        Api.Reply r = importAs("admin", ROUTE, Files.readString(GIFT.resolve("moodle-fixture-questions.gift.txt")));
        assertEquals(200, r.status(), r.body());
        assertEquals(9, r.json().get("imported"));
        assertEquals(Map.of("truefalse", 3, "multichoice", 2, "essay", 1, "match", 1, "numerical", 1, "shortanswer", 1),
                r.json().get("byType"));
        assertEquals(9, imported().size());
    }

    @Test
    void storedQuestionsReadBackExactlyAsParsed() throws IOException {
        String text = Files.readString(GIFT.resolve("moodle-examples.gift.txt"));
        assertEquals(200, importAs("admin", ROUTE, text).status());
        List<Question> parsed = GiftParser.parse(text).questions();
        List<Question> stored = imported().stream().sorted(java.util.Comparator.comparing(TrainingQuestion::position))
                .map(q -> json.read(q.contentEn())).toList();
        assertEquals(parsed, stored);
    }

    @Test
    void aFileWithAnyErrorImportsNothingAndNamesTheLines() {
        String gift = """
                ::ok::A fine question {T}

                ::broken::This one never closes {=yes ~no

                ::also ok::Another fine one {F}

                ::bad numeric::How many? {#abc}
                """;
        Api.Reply r = importAs("admin", ROUTE, gift);
        assertEquals(422, r.status(), r.body());
        assertEquals(0, r.json().get("imported"));
        assertEquals(Map.of(), r.json().get("byType"));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
        assertEquals(List.of(3, 7), errors.stream().map(e -> e.get("line")).toList(), r.body());
        assertTrue(errors.get(0).get("message").toString().contains("not closed"), r.body());
        assertEquals(List.of(), imported());
    }

    @Test
    void emptyFilesAndDescriptionsImportNoQuestions() {
        Api.Reply empty = importAs("admin", ROUTE, "// only a comment\n");
        assertEquals(422, empty.status(), empty.body());
        assertEquals("The file holds no questions.", ((List<Map<String, Object>>) empty.json().get("errors")).get(0).get("message"));

        Api.Reply withDescription = importAs("admin", ROUTE, "Read the policy first.\n\n::q::Refunds take 3 days. {T}\n");
        assertEquals(200, withDescription.status(), withDescription.body());
        assertEquals(1, withDescription.json().get("imported"));
        assertEquals(List.of(1), ((List<Map<String, Object>>) withDescription.json().get("skipped")).stream().map(s -> s.get("line")).toList());
        assertEquals(1, imported().size());
    }

    @Test
    void onlyAdministratorsImport() {
        String gift = "::q::Is this fine? {T}\n";
        assertEquals(401, importAs(null, ROUTE, gift).status());
        assertEquals(403, importAs("hr.lin", ROUTE, gift).status());
        assertEquals(403, importAs("agent.north", ROUTE, gift).status());
        assertEquals(403, importAs("sup.north", ROUTE, gift).status());
        assertEquals(403, importAs("sup.south", "/api/modules/no-such-module/questions/import", gift).status());
        assertEquals(List.of(), imported());
        assertEquals(404, importAs("admin", "/api/modules/no-such-module/questions/import", gift).status());
        assertEquals(200, importAs("admin", ROUTE, gift).status());
        assertEquals(1, imported().size());
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedWithLineOne() {
        byte[] gbk = "::q::退款需要三天。{T}\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        Api.Reply r = api.send("admin", HttpRequest.POST(ROUTE, gbk).contentType(MediaType.TEXT_PLAIN_TYPE));
        assertEquals(422, r.status(), r.body());
        assertEquals(1, ((List<Map<String, Object>>) r.json().get("errors")).get(0).get("line"));
        assertEquals(List.of(), imported());
    }
}
