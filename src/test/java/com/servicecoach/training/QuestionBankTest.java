package com.servicecoach.training;

import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestClock;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A module's question bank and its imports: only administrators import (and see and remove what imports brought
 * in), one import holds at most {@code servicecoach.training.max-import-questions} questions, removing imported
 * questions never breaks the attempts that drew them and keeps them from being drawn again, and every import and
 * removal is in the audit record.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class QuestionBankTest {

    static final String CODE = "bank-test";
    static final String FILES = """
            ::FILE1::The customer is always heard.{T}

            ::FILE2::Refunds take a year.{F}
            """;

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
    AssessmentFixtures modules;
    @Inject
    TrainingContent content;
    @Inject
    TrainingQuestionRepository questions;
    @Inject
    TestClock clock;

    Api api;
    long moduleId;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        clock.reset();
        fixtures.standardCast();
        content.reload();
        moduleId = modules.module(CODE, AssessmentFixtures.Settings.plain(), FILES, null).id();
        api = new Api(http, mapper);
    }

    // ---- helpers ------------------------------------------------------------------------------

    Api.Reply importAs(String user, String code, String gift) {
        return api.send(user, HttpRequest.POST("/api/modules/" + code + "/questions/import", gift).contentType(MediaType.TEXT_PLAIN_TYPE));
    }

    /** Imports as admin; answers the import's id. */
    long importGift(String gift) {
        Api.Reply r = importAs("admin", CODE, gift);
        assertEquals(200, r.status(), r.body());
        return ((Number) r.json().get("importId")).longValue();
    }

    static String trueFalse(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("::").append(prefix).append(i).append("::").append(prefix).append(" statement ").append(i).append(" is true.{T}\n\n");
        }
        return b.toString();
    }

    Map<String, Object> start(String agent) {
        Api.Reply r = api.post(agent, "/api/assessments/" + CODE + "/attempts", Map.of());
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    static List<Map<String, Object>> questionsOf(Map<String, Object> attempt) {
        return (List<Map<String, Object>>) attempt.get("questions");
    }

    static Set<Long> idsOf(Map<String, Object> attempt) {
        return questionsOf(attempt).stream().map(q -> ((Number) q.get("id")).longValue()).collect(Collectors.toSet());
    }

    /** Answers every question right: FILE2 is false, everything else true. */
    void answerAllRight(String agent, Map<String, Object> attempt) {
        long id = ((Number) attempt.get("attempt")).longValue();
        for (Map<String, Object> q : questionsOf(attempt)) {
            boolean answer = !q.get("text").toString().startsWith("Refunds take a year");
            Api.Reply r = api.put(agent, "/api/attempts/" + id + "/answers/" + q.get("id"), Collections.singletonMap("answer", answer));
            assertEquals(200, r.status(), r.body());
        }
    }

    Set<Long> importedIds(long importId) {
        return questions.findByModuleIdAndSource(moduleId, TrainingQuestion.IMPORT).stream()
                .filter(q -> q.importId() != null && q.importId() == importId).map(TrainingQuestion::id).collect(Collectors.toSet());
    }

    TrainingQuestion row(long id) {
        return questions.findById(id).orElse(null);
    }

    Api.Reply page(String user, String path) {
        return api.send(user, HttpRequest.GET(path).accept(MediaType.TEXT_HTML));
    }

    Api.Reply chinesePage(String user, String path) {
        return api.send(user, HttpRequest.GET(path).accept(MediaType.TEXT_HTML).header("Accept-Language", "zh-CN"));
    }

    Api.Reply formPost(String user, String path) {
        MutableHttpRequest<?> r = HttpRequest.POST(path, Map.of()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML);
        return api.send(user, r);
    }

    Api.Reply upload(String user, String gift) {
        MultipartBody body = MultipartBody.builder().addPart("file", "bank.gift", MediaType.TEXT_PLAIN_TYPE,
                gift.getBytes(StandardCharsets.UTF_8)).build();
        return api.send(user, HttpRequest.POST("/modules/" + CODE + "/import", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML));
    }

    // ---- who may import ------------------------------------------------------------------------

    @Test
    void onlyAdministratorsImportIntoABankAndOnlyTheyAreOfferedTheForm() {
        String gift = trueFalse("ROLE", 1);
        assertEquals(401, importAs(null, CODE, gift).status());
        for (String user : List.of("sup.north", "sup.south", "hr.lin", "agent.north")) {
            assertEquals(403, importAs(user, CODE, gift).status(), user);
            assertEquals(403, upload(user, gift).status(), user + " on the page");
        }
        assertEquals(Set.of(), questions.findByModuleIdAndSource(moduleId, TrainingQuestion.IMPORT).stream()
                .map(TrainingQuestion::name).collect(Collectors.toSet()), "nobody but an administrator imported");
        assertEquals(200, importAs("admin", CODE, gift).status());
        assertEquals(200, upload("admin", trueFalse("PAGE", 1)).status());
        assertEquals(2, questions.findByModuleIdAndSource(moduleId, TrainingQuestion.IMPORT).size());

        for (String user : List.of("sup.north", "hr.lin", "agent.north")) {
            String html = page(user, "/modules/" + CODE).body();
            assertFalse(html.contains("id=\"import\"") || html.contains("/modules/" + CODE + "/import"), user + " sees the import form");
            assertFalse(html.contains("id=\"imported\""), user + " sees the imported questions");
        }
        String admin = page("admin", "/modules/" + CODE).body();
        assertTrue(admin.contains("id=\"import\"") && admin.contains("action=\"/modules/" + CODE + "/import?_csrf="), admin);
        assertTrue(admin.contains("One import adds at most 500 questions"), admin);
    }

    // ---- the limit --------------------------------------------------------------------------------

    @Test
    void anImportOfMoreQuestionsThanTheLimitIsRejectedWholeWithAClearMessage() {
        Api.Reply over = importAs("admin", CODE, trueFalse("OVER", 501));
        assertEquals(422, over.status(), over.body());
        assertEquals(0, over.json().get("imported"));
        assertEquals(null, over.json().get("importId"));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) over.json().get("errors");
        assertEquals(1, errors.size(), over.body());
        assertEquals(1001, errors.get(0).get("line"), "the line of the first question beyond the limit");
        String message = errors.get(0).get("message").toString();
        assertTrue(message.contains("501 questions") && message.contains("500") && message.contains("nothing was imported"), message);
        assertEquals(List.of(), questions.findByModuleIdAndSource(moduleId, TrainingQuestion.IMPORT));

        Api.Reply page = upload("admin", trueFalse("OVER", 501));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("501 questions, more than the 500"), page.body());
        assertEquals(List.of(), questions.findByModuleIdAndSource(moduleId, TrainingQuestion.IMPORT));

        Api.Reply exactly = importAs("admin", CODE, trueFalse("MAX", 500));
        assertEquals(200, exactly.status(), exactly.body());
        assertEquals(500, exactly.json().get("imported"));
        assertEquals(500, questions.findByModuleIdAndSource(moduleId, TrainingQuestion.IMPORT).size());
    }

    // ---- removal ----------------------------------------------------------------------------------

    @Test
    void removingAnImportKeepsTheAttemptsThatDrewItsQuestionsGradableAndReviewable() {
        long a = importGift(trueFalse("A", 3));
        Set<Long> aIds = importedIds(a);
        assertEquals(3, aIds.size());

        Map<String, Object> submitted = start("agent.north");
        assertEquals(5, questionsOf(submitted).size(), "all of the bank: 2 file questions and 3 imported ones");
        assertTrue(idsOf(submitted).containsAll(aIds));
        answerAllRight("agent.north", submitted);
        long submittedId = ((Number) submitted.get("attempt")).longValue();
        assertEquals(200, api.post("agent.north", "/api/attempts/" + submittedId + "/submit", Map.of()).status());

        Map<String, Object> running = start("agent.south");
        answerAllRight("agent.south", running);
        long runningId = ((Number) running.get("attempt")).longValue();

        long b = importGift(trueFalse("B", 2));
        Set<Long> bIds = importedIds(b);

        assertEquals(204, api.send("admin", HttpRequest.DELETE("/api/modules/" + CODE + "/imports/" + a)).status());
        assertEquals(204, api.send("admin", HttpRequest.DELETE("/api/modules/" + CODE + "/imports/" + b)).status());
        assertEquals(404, api.send("admin", HttpRequest.DELETE("/api/modules/" + CODE + "/imports/" + a)).status(),
                "nothing of it is left to remove");

        // the questions attempts drew are retired, not deleted; the others are gone
        for (long id : aIds) {
            assertNotNull(row(id), "question " + id + " is still referred to by attempts");
            assertFalse(row(id).active(), "question " + id + " is retired");
        }
        for (long id : bIds) {
            assertEquals(null, row(id), "question " + id + " was never drawn: deleted");
        }
        Map<String, Object> bank = (Map<String, Object>) api.get("admin", "/api/modules/" + CODE).json().get("questionBank");
        assertEquals(2, bank.get("total"));
        assertEquals(0, bank.get("imported"));

        // the submitted attempt still shows every question, its answer and its review
        Api.Reply review = api.get("agent.north", "/api/attempts/" + submittedId);
        assertEquals(200, review.status(), review.body());
        assertEquals(5, questionsOf(review.json()).size());
        assertTrue(review.body().contains("A statement 2 is true."), review.body());
        assertTrue(questionsOf(review.json()).stream().allMatch(q -> q.get("review") != null && q.get("answer") != null), review.body());
        assertEquals("100.0", String.valueOf(((Map<String, Object>) review.json().get("result")).get("scorePercent")));
        assertEquals(200, api.get("sup.north", "/api/attempts/" + submittedId).status());
        assertEquals(200, page("agent.north", "/attempts/" + submittedId).status(), "the result page still renders");

        // the attempt in progress is still graded on every question it drew
        Api.Reply graded = api.post("agent.south", "/api/attempts/" + runningId + "/submit", Map.of());
        assertEquals(200, graded.status(), graded.body());
        Map<String, Object> result = (Map<String, Object>) graded.json().get("result");
        assertEquals(5, result.get("pointsPossible"));
        assertEquals("100.0", String.valueOf(result.get("scorePercent")));
    }

    @Test
    void retiredAndRemovedQuestionsAreNeverDrawnAgain() {
        long a = importGift(trueFalse("A", 4));
        Map<String, Object> first = start("agent.north");
        assertTrue(idsOf(first).containsAll(importedIds(a)));
        answerAllRight("agent.north", first);
        assertEquals(200, api.post("agent.north", "/api/attempts/" + first.get("attempt") + "/submit", Map.of()).status());
        long b = importGift(trueFalse("B", 3));

        assertEquals(204, api.send("admin", HttpRequest.DELETE("/api/modules/" + CODE + "/imports/" + a)).status());
        long one = importedIds(b).iterator().next();
        assertEquals(204, api.send("admin", HttpRequest.DELETE("/api/modules/" + CODE + "/questions/" + one)).status());
        Set<Long> stillIn = new java.util.HashSet<>(importedIds(b));

        for (String agent : List.of("agent.north", "agent.south")) {
            Map<String, Object> attempt = start(agent);
            Set<Long> drawn = idsOf(attempt);
            assertEquals(2 + stillIn.size(), drawn.size(), agent + ": the file questions and what is left of import B");
            assertTrue(drawn.containsAll(stillIn));
            assertTrue(Collections.disjoint(drawn, importedIds(a)), agent + " drew a retired question");
            assertFalse(drawn.contains(one), agent + " drew a removed question");
        }
        assertEquals(null, row(one));
    }

    @Test
    void onlyTheModulesImportedQuestionsCanBeRemovedAndOnlyByAdministrators() {
        long c = importGift(trueFalse("C", 2));
        List<Long> ids = importedIds(c).stream().sorted().toList();
        long fileQuestion = questions.findByModuleIdAndSource(moduleId, TrainingQuestion.FILE).get(0).id();
        String path = "/api/modules/" + CODE + "/questions/";

        assertEquals(401, api.send(null, HttpRequest.DELETE(path + ids.get(0))).status());
        for (String user : List.of("sup.north", "hr.lin", "agent.north")) {
            assertEquals(403, api.send(user, HttpRequest.DELETE(path + ids.get(0))).status(), user);
            assertEquals(403, api.send(user, HttpRequest.DELETE("/api/modules/" + CODE + "/imports/" + c)).status(), user);
            assertEquals(403, api.get(user, "/api/modules/" + CODE + "/imported-questions").status(), user);
            assertEquals(403, page(user, "/modules/" + CODE + "/questions/" + ids.get(0) + "/remove").status(), user);
            assertEquals(403, formPost(user, "/modules/" + CODE + "/imports/" + c + "/remove").status(), user);
        }
        assertEquals(404, api.send("admin", HttpRequest.DELETE(path + fileQuestion)).status(), "a file question");
        assertTrue(row(fileQuestion).active());
        assertEquals(404, api.send("admin", HttpRequest.DELETE("/api/modules/greeting-attitude/questions/" + ids.get(0))).status(),
                "another module's route");
        assertEquals(404, api.send("admin", HttpRequest.DELETE("/api/modules/greeting-attitude/imports/" + c)).status());
        assertEquals(404, api.send("admin", HttpRequest.DELETE("/api/modules/no-such/questions/" + ids.get(0))).status());
        assertEquals(404, api.send("admin", HttpRequest.DELETE(path + 99999999)).status());
        assertEquals(2, importedIds(c).size(), "nothing was removed so far");

        Api.Reply listed = api.get("admin", "/api/modules/" + CODE + "/imported-questions");
        assertEquals(200, listed.status(), listed.body());
        assertEquals(2, ((Number) listed.json().get("totalElements")).intValue());
        assertFalse(listed.body().contains("\"trueFalseAnswer\"") || listed.body().contains("correct"), "no answers in the list");
        Api.Reply batches = api.get("admin", "/api/modules/" + CODE + "/imports");
        assertEquals(List.of(c), batches.content().stream().map(x -> ((Number) x.get("id")).longValue()).toList());
        assertEquals(2, ((Number) batches.content().get(0).get("remaining")).intValue());

        assertEquals(204, api.send("admin", HttpRequest.DELETE(path + ids.get(0))).status());
        assertEquals(null, row(ids.get(0)), "never drawn: deleted");
        assertEquals(404, api.send("admin", HttpRequest.DELETE(path + ids.get(0))).status(), "already removed");

        Map<String, Object> attempt = start("agent.north");
        assertTrue(idsOf(attempt).contains(ids.get(1)));
        assertEquals(204, api.send("admin", HttpRequest.DELETE(path + ids.get(1))).status());
        assertFalse(row(ids.get(1)).active(), "drawn by an attempt: retired");
        assertEquals(404, api.send("admin", HttpRequest.DELETE(path + ids.get(1))).status(), "already retired");
        assertEquals(0, ((Number) api.get("admin", "/api/modules/" + CODE + "/imported-questions").json().get("totalElements")).intValue());
    }

    @Test
    void administratorsRemoveImportsAndQuestionsFromTheModulePageAfterConfirming() {
        long a = importGift(trueFalse("A", 3));
        long b = importGift(trueFalse("B", 2));
        long first = importedIds(b).stream().sorted().findFirst().orElseThrow();

        String html = page("admin", "/modules/" + CODE).body();
        assertTrue(html.contains("id=\"imported\""), html);
        assertTrue(html.contains("href=\"/modules/" + CODE + "/imports/" + a + "/remove\""), html);
        assertTrue(html.contains("href=\"/modules/" + CODE + "/questions/" + first + "/remove\""), html);
        assertTrue(html.contains("A statement 3 is true.") && html.contains("B2"), html);

        Api.Reply confirm = page("admin", "/modules/" + CODE + "/imports/" + a + "/remove");
        assertEquals(200, confirm.status(), confirm.body());
        assertTrue(confirm.body().contains("Remove the 3 questions of import " + a), confirm.body());
        assertTrue(confirm.body().contains("action=\"/modules/" + CODE + "/imports/" + a + "/remove\""), confirm.body());
        assertEquals(3, importedIds(a).size(), "asking changes nothing");
        assertTrue(chinesePage("admin", "/modules/" + CODE + "/imports/" + a + "/remove").body().contains("删除导入批次 " + a));

        Api.Reply removed = formPost("admin", "/modules/" + CODE + "/imports/" + a + "/remove");
        assertEquals(303, removed.status(), removed.body());
        assertEquals(Set.of(), importedIds(a));

        Api.Reply question = page("admin", "/modules/" + CODE + "/questions/" + first + "/remove");
        assertEquals(200, question.status());
        assertTrue(question.body().contains("Remove the imported question &quot;B1&quot;") || question.body().contains("Remove the imported question \"B1\""),
                question.body());
        assertEquals(303, formPost("admin", "/modules/" + CODE + "/questions/" + first + "/remove").status());
        assertEquals(1, importedIds(b).size());
        assertEquals(404, page("admin", "/modules/" + CODE + "/questions/" + first + "/remove").status());

        String after = page("admin", "/modules/" + CODE + "?removed=1&retired=0").body();
        assertTrue(after.contains("Removed one imported question; none was retired"), after);
        assertFalse(after.contains("/imports/" + a + "/remove"), after);
        assertTrue(chinesePage("admin", "/modules/" + CODE).body().contains("导入的题目"));
    }

    // ---- the audit record -------------------------------------------------------------------------

    @Test
    void everyImportAndRemovalIsInTheAuditRecordForAdministrators() {
        long a = importGift(trueFalse("A", 3));
        Map<String, Object> attempt = start("agent.north");
        assertTrue(idsOf(attempt).containsAll(importedIds(a)));
        long b = importGift(trueFalse("B", 2));
        long single = importedIds(b).stream().sorted().findFirst().orElseThrow();
        assertEquals(204, api.send("admin", HttpRequest.DELETE("/api/modules/" + CODE + "/questions/" + single)).status());
        assertEquals(204, api.send("admin", HttpRequest.DELETE("/api/modules/" + CODE + "/imports/" + a)).status());
        assertEquals(422, importAs("admin", CODE, "::broken::{=x ~y\n").status(), "a rejected file imports nothing");

        Api.Reply audit = api.get("admin", "/api/reports/audit?format=gift");
        assertEquals(200, audit.status(), audit.body());
        List<Map<String, Object>> entries = audit.content();
        assertEquals(List.of("remove", "remove", "import", "import"), entries.stream().map(e -> e.get("action")).toList(), audit.body());
        assertTrue(entries.stream().allMatch(e -> "admin".equals(e.get("username")) && "ADMIN".equals(e.get("role"))
                && CODE.equals(e.get("module")) && "gift".equals(e.get("format")) && e.get("at") != null), audit.body());
        assertEquals(List.of(3, 1, 2, 3), entries.stream().map(e -> e.get("questions")).toList());
        assertEquals(3, entries.get(0).get("retired"), "the import's questions were drawn: retired");
        assertEquals(0, entries.get(1).get("retired"));
        assertEquals(a, ((Number) entries.get(0).get("importId")).longValue());
        assertEquals(null, entries.get(1).get("importId"), "a single question's removal");
        assertEquals(b, ((Number) entries.get(2).get("importId")).longValue());
        assertEquals(a, ((Number) entries.get(3).get("importId")).longValue());
        assertEquals(403, api.get("hr.lin", "/api/reports/audit?format=gift").status());

        String html = page("admin", "/admin/audit?format=gift").body();
        assertTrue(html.contains("Module " + CODE + ": 3 questions imported (import " + a + ")"), html);
        assertTrue(html.contains("Module " + CODE + ", import " + a + ": 3 questions removed, of which 3 retired"), html);
        assertTrue(html.contains("Module " + CODE + ": 1 imported questions removed, of which 0 retired"), html);
        String zh = chinesePage("admin", "/admin/audit?format=gift").body();
        assertTrue(zh.contains("模块 " + CODE + "：导入 3 道题（导入批次 " + a + "）"), zh);
    }
}
