package com.servicecoach.training;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GIFT questions longer than the columns they are stored in: each is a 422 naming its line and what is too
 * long, and the file imports nothing (on MySQL they used to fail in the database with a 500). What just fits
 * is stored.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class GiftImportLengthTest {

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

    Api api;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        content.reload();
        api = new Api(http, mapper);
    }

    Api.Reply importGift(String body) {
        return api.send("admin", HttpRequest.POST(ROUTE, body).contentType(MediaType.TEXT_PLAIN_TYPE));
    }

    List<TrainingQuestion> imported() {
        Long id = modules.findByCode("complaint-handling").orElseThrow().id();
        return questions.findByModuleIdAndSource(id, TrainingQuestion.IMPORT);
    }

    static String repeat(String s, int times) {
        return s.repeat(times);
    }

    /** One error per too-long question, at the question's line. */
    Map<Integer, String> errorsOf(Api.Reply r) {
        assertEquals(422, r.status(), r.body().length() > 2000 ? r.body().substring(0, 2000) : r.body());
        assertEquals(0, r.json().get("imported"));
        return ((List<Map<String, Object>>) r.json().get("errors")).stream()
                .collect(Collectors.toMap(e -> (Integer) e.get("line"), e -> (String) e.get("message"), (a, b) -> a + " | " + b));
    }

    @Test
    void questionsLongerThanTheirColumnsAreRefusedWithTheirLinesAndNothingIsImported() {
        String options = IntStream.rangeClosed(1, 600).mapToObj(i -> (i == 1 ? "=" : "~") + "o" + i).collect(Collectors.joining(" "));
        String gift = "::fine::A fine question {T}\n"                                           // line 1
                + "\n"
                + "::long text::" + repeat("Why? ", 14_000) + "{T}\n"                             // line 3: 70 000 characters
                + "\n"
                + "::long answer::Which one? {=" + repeat("right ", 12_000) + " ~wrong}\n"        // line 5
                + "\n"
                + "::long feedback::Is it? {T#" + repeat("反馈", 12_000) + "}\n"                   // line 7: 72 000 bytes of UTF-8
                + "\n"
                + "::" + repeat("n", 300) + "::Named at length? {T}\n"                             // line 9
                + "\n"
                + "::many options::Pick one. {" + options + "}\n"                                 // line 11
                + "\n"
                + "$CATEGORY: " + repeat("c", 300) + "\n"                                          // line 13
                + "\n"
                + "::deep category::In a long category? {T}\n";                                   // line 15
        Map<Integer, String> errors = errorsOf(importGift(gift));
        assertEquals(List.of(3, 5, 7, 9, 11, 15), errors.keySet().stream().sorted().toList(), errors.toString());
        assertTrue(errors.get(3).contains("too long to store") && errors.get(3).contains("65535")
                && errors.get(3).contains("question text alone is 69999 bytes"), errors.get(3));
        assertTrue(errors.get(5).contains("too long to store"), errors.get(5));
        assertTrue(errors.get(7).contains("too long to store"), errors.get(7));
        assertEquals("The question name is 300 characters long; at most 255 fit.", errors.get(9));
        assertTrue(errors.get(11).contains("600 answers to choose from") && errors.get(11).contains("2000"), errors.get(11));
        assertEquals("The $CATEGORY path is 300 characters long; at most 255 fit.", errors.get(15));
        assertEquals(List.of(), imported(), "a file with any error imports nothing");
    }

    @Test
    void questionsThatJustFitAreStored() {
        String options = IntStream.rangeClosed(1, 400).mapToObj(i -> (i == 1 ? "=" : "~") + "o" + i).collect(Collectors.joining(" "));
        String gift = "::big but fits::" + repeat("Why? ", 12_000) + "{T#" + repeat("f", 2000) + "#" + repeat("g", 2000) + "}\n"
                + "\n"
                + "::" + repeat("n", 255) + "::Named at the limit? {T}\n"
                + "\n"
                + "::many options::Pick one. {" + options + "}\n";
        Api.Reply r = importGift(gift);
        assertEquals(200, r.status(), r.body().length() > 2000 ? r.body().substring(0, 2000) : r.body());
        assertEquals(3, r.json().get("imported"));
        assertEquals(3, imported().size());
        assertTrue(imported().stream().anyMatch(q -> q.contentEn().length() > 60_000), "the big one is stored whole");
    }
}
