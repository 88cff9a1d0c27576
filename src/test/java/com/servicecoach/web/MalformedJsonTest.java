package com.servicecoach.web;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A body that is not valid JSON is 400 "Malformed JSON body" with at most where, never the parser's text. */
@MicronautTest(transactional = false)
class MalformedJsonTest extends HttpTest {

    @jakarta.inject.Inject
    ErrorPages pages;

    static final List<String> PARSER_WORDS = List.of("Unexpected", "character", "code 49", "Source", "REDACTED",
            "StreamReadFeature", "jackson", "Jackson", "expecting", "marker", "Unrecognized", "_links", "_embedded");

    private Api.Reply send(String user, HttpRequest<?> request) {
        return user == null ? api.exchange((io.micronaut.http.MutableHttpRequest<?>) request)
                : api.send(user, (io.micronaut.http.MutableHttpRequest<?>) request);
    }

    private static void assertClean(Api.Reply r) {
        assertEquals(400, r.status(), r.body());
        for (String word : PARSER_WORDS) {
            assertFalse(r.body().contains(word), "the parser's text leaks (" + word + "): " + r.body());
        }
        assertEquals("Malformed JSON body", r.json().get("message"), r.body());
        assertTrue(r.json().get("errors") instanceof List, r.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(Api.Reply r) {
        return ((List<Map<String, Object>>) r.json().get("errors")).get(0);
    }

    @Test
    void aBrokenBodyAnswersTheLineAndColumnOnly() {
        Api.Reply r = send("admin", HttpRequest.PUT("/api/reports/thresholds", "{\n  \"csatMin\" 1}").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertClean(r);
        assertEquals(Map.of("line", 2L, "message", "not valid JSON at line 2, column 13"),
                Map.of("line", ((Number) firstError(r).get("line")).longValue(), "message", firstError(r).get("message")), r.body());
    }

    @Test
    void everyKindOfBrokenBodyOnEveryJsonRouteIsAnsweredTheSameWay() {
        List<String> bodies = List.of("{\"csatMin\": ", "{'a':1}", "{\"a\": [1,2", "not json", "\u0000");
        for (String body : bodies) {
            assertClean(send("admin", HttpRequest.PUT("/api/reports/thresholds", body).contentType(MediaType.APPLICATION_JSON_TYPE)));
            assertClean(send("admin", HttpRequest.POST("/api/agents", body).contentType(MediaType.APPLICATION_JSON_TYPE)));
            assertClean(send(null, HttpRequest.POST("/api/login", body).contentType(MediaType.APPLICATION_JSON_TYPE)));
        }
    }

    @Test
    void jacksonsOwnParseErrorIsAnsweredTheSameWay() throws Exception {
        com.fasterxml.jackson.core.JsonParseException parse;
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser("{\n\n  x")) {
            p.nextToken();
            p.nextToken();
            throw new AssertionError("the parser took a broken body");
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            parse = e;
        }
        io.micronaut.http.HttpResponse<?> r = new ErrorHandlers.MalformedJackson(pages)
                .handle(HttpRequest.POST("/api/agents", ""), parse);
        assertEquals(400, r.code());
        ApiError body = (ApiError) r.body();
        assertEquals("Malformed JSON body", body.message());
        assertEquals(List.of(new ApiError.Item(null, 3, "not valid JSON at line 3, column 3")), body.errors());
    }

    @Test
    void aWellFormedBodyWithAWrongValueIsStillAnsweredByItsOwnRules() {
        Api.Reply r = send("admin", HttpRequest.PUT("/api/reports/thresholds", "{\"csatMin\": \"x\", \"firstResponseMin\": null, "
                + "\"resolutionMin\": null, \"knowledgeMin\": null}").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(422, r.status(), r.body());
    }
}
