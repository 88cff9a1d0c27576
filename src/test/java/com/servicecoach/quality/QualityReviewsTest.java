package com.servicecoach.quality;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conversations imported with their transcripts, reviewed against the channel's rubric (drafts, validation, submission),
 * then disputed once by the agent and resolved by the supervisor, with each role's view of it.
 */
@MicronautTest(transactional = false)
class QualityReviewsTest extends HttpTest {

    static final String HEADER = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,transcript";

    long importConversations() {
        String csv = HEADER + "\n"
                + "Q-1,N1,chat,logistics,2026-03-02T09:00:00,2026-03-02T09:00:20,2026-03-02T09:10:00,9,10,\"[09:00] customer: Where is my parcel?\n"
                + "[09:00] agent: Let me check: it left the depot today.\"\n"
                + "Q-2,S1,chat,logistics,2026-03-02T09:00:00,,,,,\"客户：你好\n客服：您好！\"\n"
                + "Q-3,N1,chat,logistics,2026-03-02T09:00:00,,,,,\"" + "x".repeat(70_000) + "\"\n";
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
        assertEquals(2L, ((Number) r.json().get("inserted")).longValue(), r.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
        assertEquals(6L, ((Number) errors.get(0).get("line")).longValue(), "Q-1 and Q-2 take two lines each: Q-3 starts on line 6");
        assertEquals("transcript: is 70,000 bytes long; a transcript holds at most 65,536 bytes (64 KiB) of UTF-8 text",
                errors.get(0).get("message"));
        return id("Q-1");
    }

    long id(String externalId) {
        return ((Number) api.get("admin", "/api/interactions?externalId=" + externalId).content().get(0).get("id")).longValue();
    }

    static List<Map<String, Object>> fullMarks() {
        List<Map<String, Object>> marks = new ArrayList<>();
        marks.add(Map.of("criterion", "greeting", "points", 5));
        marks.add(Map.of("criterion", "understood-issue", "points", 15));
        marks.add(Map.of("criterion", "accurate-information", "points", 20));
        marks.add(Map.of("criterion", "identity-verified", "na", true));
        marks.add(Map.of("criterion", "policy-followed", "na", true));
        marks.add(Map.of("criterion", "tone-empathy", "points", 10));
        marks.add(Map.of("criterion", "next-steps", "points", 15));
        marks.add(Map.of("criterion", "closing", "points", 10));
        return marks;
    }

    static List<Map<String, Object>> with(List<Map<String, Object>> marks, String criterion, Map<String, Object> mark) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : marks) {
            out.add(m.get("criterion").equals(criterion) ? mark : m);
        }
        return out;
    }

    @Test
    void theConversationIsStoredAndShownAsAChatToThoseWhoMaySeeTheContact() {
        long q1 = importConversations();
        Map<String, Object> detail = api.get("agent.north", "/api/interactions/" + q1).json();
        assertEquals(true, detail.get("hasTranscript"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) detail.get("messages");
        assertEquals(2, messages.size());
        assertEquals("Let me check: it left the depot today.", messages.get(1).get("text"));
        assertEquals(List.of("customer", "agent"), messages.stream().map(m -> m.get("speaker")).toList());
        assertEquals("09:00", messages.get(0).get("time"));
        assertEquals(404, api.get("sup.south", "/api/interactions/" + q1).status(), "another team's contact");
        assertEquals(404, api.get("agent.north", "/api/interactions/" + id("Q-2")).status(), "another agent's contact");
        String page = api.send("agent.north", HttpRequest.GET("/interactions/" + id("Q-2")).accept(MediaType.TEXT_HTML_TYPE)).body();
        assertFalse(page.contains("您好！"));
        String zh = api.send("sup.south", HttpRequest.GET("/interactions/" + id("Q-2")).header("Accept-Language", "zh-CN")
                .accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(zh.contains("class=\"chat-agent\"") && zh.contains("您好！") && zh.contains("会话内容"), zh);
    }

    @Test
    void theTranscriptImportReplacesConversationsAndNamesEachBadRow() {
        importConversations();
        String csv = "source,external_id,transcript\n"
                + "default,Q-1,\"customer: Hello again\"\n"
                + "default,Q-9,\"customer: nobody\"\n"
                + "default,Q-2,\"customer: not yours\"\n"
                + ",Q-1,\n";
        Api.Reply r = api.send("sup.north", HttpRequest.POST("/api/interactions/transcripts", csv).contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
        assertEquals(1L, ((Number) r.json().get("updated")).longValue(), r.body());
        assertEquals(3L, ((Number) r.json().get("rejected")).longValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
        assertEquals(List.of(3L, 4L, 5L), errors.stream().map(e -> ((Number) e.get("line")).longValue()).toList());
        assertTrue(((String) errors.get(0).get("message")).startsWith("external_id: no interaction has the external_id 'Q-9'"));
        assertTrue(((String) errors.get(1).get("message")).contains("a team you do not lead"));
        assertEquals("transcript: is required but empty", errors.get(2).get("message"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) api.get("admin", "/api/interactions/" + id("Q-1")).json().get("messages");
        assertEquals("Hello again", messages.get(0).get("text"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> s1 = (List<Map<String, Object>>) api.get("admin", "/api/interactions/" + id("Q-2")).json().get("messages");
        assertEquals("你好", s1.get(0).get("text"), "a rejected row changes nothing");

        Api.Reply header = api.send("admin", HttpRequest.POST("/api/interactions/transcripts", "external_id,text\nQ-1,x\n").contentType("text/csv"));
        assertEquals(422, header.status());
        assertTrue(header.body().contains("header lacks required column transcript"), header.body());
    }

    @Test
    void aReviewIsADraftUntilSubmittedCheckedAgainstTheRubricAndTellsTheAgent() {
        long q1 = importConversations();
        Api.Reply started = api.post("sup.north", "/api/quality/reviews", Map.of("interactionId", q1));
        assertEquals(201, started.status(), started.body());
        long id = ((Number) started.json().get("id")).longValue();
        assertEquals("chat", started.json().get("rubric"));
        assertEquals(id, ((Number) api.post("sup.north", "/api/quality/reviews", Map.of("interactionId", q1)).json().get("id")).longValue(),
                "one review per conversation");
        assertEquals(409, api.post("admin", "/api/quality/reviews", Map.of("interactionId", q1)).status(), "another reviewer's draft");
        assertEquals(404, api.post("sup.south", "/api/quality/reviews", Map.of("interactionId", q1)).status());
        assertEquals(404, api.get("agent.north", "/api/quality/reviews/" + id).status(), "the agent does not see a draft");

        // a partial draft saves; submitting needs every criterion
        Api.Reply draft = api.put("sup.north", "/api/quality/reviews/" + id, Map.of("marks", List.of(Map.of("criterion", "greeting",
                "points", 3, "note", "No name given")), "submit", false));
        assertEquals(200, draft.status(), draft.body());
        assertEquals("draft", draft.json().get("state"));
        Api.Reply incomplete = api.put("sup.north", "/api/quality/reviews/" + id, Map.of("marks", List.of(Map.of("criterion", "greeting",
                "points", 3)), "submit", true));
        assertEquals(422, incomplete.status());
        assertTrue(incomplete.body().contains("marks.closing"), incomplete.body());

        // field by field: points out of range, a critical criterion given part points, N/A where not allowed, an unknown criterion
        List<Map<String, Object>> bad = with(with(with(fullMarks(), "greeting", Map.of("criterion", "greeting", "points", 6)),
                "identity-verified", Map.of("criterion", "identity-verified", "points", 5)),
                "closing", Map.of("criterion", "closing", "na", true));
        bad.add(Map.of("criterion", "spelling", "points", 1));
        Api.Reply invalid = api.put("sup.north", "/api/quality/reviews/" + id, Map.of("marks", bad, "submit", true));
        assertEquals(422, invalid.status());
        for (String field : List.of("marks.greeting", "marks.identity-verified", "marks.closing", "\"marks\"")) {
            assertTrue(invalid.body().contains(field), field + " in " + invalid.body());
        }
        assertEquals("draft", api.get("sup.north", "/api/quality/reviews/" + id).json().get("state"), "nothing stored");
        assertEquals(404, api.put("admin", "/api/quality/reviews/" + id, Map.of("marks", fullMarks(), "submit", true)).status(),
                "a draft is its reviewer's alone until submitted");

        // greeting 3 of 5: 73 of 75 possible (the two N/A criteria left out) = 97.3 %
        Api.Reply submitted = api.put("sup.north", "/api/quality/reviews/" + id, Map.of("marks",
                with(fullMarks(), "greeting", Map.of("criterion", "greeting", "points", 3, "note", "No name given")), "submit", true));
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals("submitted", submitted.json().get("state"));
        assertEquals(97.3, ((Number) submitted.json().get("scorePercent")).doubleValue());
        assertEquals(409, api.put("sup.north", "/api/quality/reviews/" + id, Map.of("marks", fullMarks(), "submit", true)).status());
        assertTrue(api.get("agent.north", "/api/notifications").body().contains("quality.reviewed"), "the agent is told");

        Map<String, Object> seen = api.get("agent.north", "/api/quality/reviews/" + id).json();
        assertEquals(true, seen.get("canDispute"));
        @SuppressWarnings("unchecked")
        Map<String, Object> greeting = (Map<String, Object>) ((List<Map<String, Object>>) seen.get("criteria")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> mark = (Map<String, Object>) greeting.get("mark");
        assertEquals(true, mark.get("fails"));
        assertEquals("No name given", mark.get("note"));
        assertEquals(1, api.get("agent.north", "/api/quality/reviews").content().size());
        assertEquals(0, api.get("sup.south", "/api/quality/reviews").content().size(), "another team's reviews are not listed");
        assertEquals(404, api.get("sup.south", "/api/quality/reviews/" + id).status());
        assertEquals(1, api.get("hr.lin", "/api/quality/reviews?agent=N1&criterion=greeting").content().size(),
                "the reviews failing a criterion");
        assertEquals(0, api.get("hr.lin", "/api/quality/reviews?agent=N1&criterion=closing").content().size());
    }

    @Test
    void theAgentDisputesOnceAndTheSupervisorUpholdsOrChangesTheReviewBothRecorded() {
        long q1 = importConversations();
        long id = ((Number) api.post("sup.north", "/api/quality/reviews", Map.of("interactionId", q1)).json().get("id")).longValue();
        List<Map<String, Object>> failedCritical = with(fullMarks(), "policy-followed", Map.of("criterion", "policy-followed", "points", 0));
        assertEquals(0.0, ((Number) api.put("sup.north", "/api/quality/reviews/" + id, Map.of("marks", failedCritical, "submit", true))
                .json().get("scorePercent")).doubleValue(), "a failed critical criterion makes the review 0");

        assertEquals(403, api.post("sup.north", "/api/quality/reviews/" + id + "/dispute", Map.of("reason", "x")).status());
        assertEquals(422, api.post("agent.north", "/api/quality/reviews/" + id + "/dispute", Map.of("reason", " ")).status());
        Api.Reply disputed = api.post("agent.north", "/api/quality/reviews/" + id + "/dispute",
                Map.of("reason", "The refund was within the policy: the order was 20 days old."));
        assertEquals(200, disputed.status(), disputed.body());
        assertEquals("disputed", disputed.json().get("state"));
        assertEquals(409, api.post("agent.north", "/api/quality/reviews/" + id + "/dispute", Map.of("reason", "again")).status(),
                "once");
        assertTrue(api.get("sup.north", "/api/notifications").body().contains("quality.disputed"));

        assertEquals(403, api.post("agent.north", "/api/quality/reviews/" + id + "/resolve", Map.of("decision", "upheld", "note", "x")).status());
        assertEquals(404, api.post("sup.south", "/api/quality/reviews/" + id + "/resolve", Map.of("decision", "upheld", "note", "x")).status());
        assertEquals(422, api.post("sup.north", "/api/quality/reviews/" + id + "/resolve", Map.of("decision", "maybe", "note", "x")).status());
        Api.Reply changed = api.post("sup.north", "/api/quality/reviews/" + id + "/resolve", Map.of("decision", "changed",
                "note", "The policy allows 30 days.", "marks", fullMarks()));
        assertEquals(200, changed.status(), changed.body());
        Map<String, Object> r = changed.json();
        assertEquals("resolved", r.get("state"));
        assertEquals("changed", r.get("resolution"));
        assertEquals(100.0, ((Number) r.get("scorePercent")).doubleValue());
        assertEquals(0.0, ((Number) r.get("originalScorePercent")).doubleValue(), "the original stays recorded");
        assertEquals("sup.north", r.get("resolvedBy"));
        assertTrue(api.get("agent.north", "/api/notifications").body().contains("quality.resolved"));
        assertEquals(409, api.post("sup.north", "/api/quality/reviews/" + id + "/resolve", Map.of("decision", "upheld", "note", "x")).status());
        assertFalse((Boolean) api.get("agent.north", "/api/quality/reviews/" + id).json().get("canDispute"));
    }

    @Test
    void theReviewPageShowsTheConversationBesideTheRubricInBothLanguages() {
        long q1 = importConversations();
        long id = ((Number) api.post("sup.north", "/api/quality/reviews", Map.of("interactionId", q1)).json().get("id")).longValue();
        String en = api.send("sup.north", HttpRequest.GET("/quality/reviews/" + id).accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(en.contains("id=\"review-form\"") && en.contains("Where is my parcel?") && en.contains("Save draft"), en);
        String zh = api.send("sup.north", HttpRequest.GET("/quality/reviews/" + id).header("Accept-Language", "zh-CN")
                .accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(zh.contains("保存草稿") && zh.contains("关键项"), zh);
        // the page's form: a mark and a comment per criterion
        Api.BrowserSession b = api.browser("sup.north");
        Map<String, String> form = new java.util.HashMap<>(Map.of("_csrf", b.csrf(), "action", "save", "mark.greeting", "4",
                "note.greeting", "Name missing", "mark.closing", "na"));
        Api.Reply saved = api.exchange(b.on(HttpRequest.POST("/quality/reviews/" + id, form).contentType(MediaType.APPLICATION_FORM_URLENCODED)));
        assertEquals(422, saved.status(), "closing cannot be N/A");
        assertTrue(saved.body().contains("closing cannot be N/A."), saved.body());
        form.put("mark.closing", "10");
        saved = api.exchange(b.on(HttpRequest.POST("/quality/reviews/" + id, form).contentType(MediaType.APPLICATION_FORM_URLENCODED)));
        assertTrue(saved.status() == 303 || saved.status() == 200, saved.status() + " " + saved.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> greeting = ((List<Map<String, Object>>) api.get("sup.north", "/api/quality/reviews/" + id).json().get("criteria")).get(0);
        assertEquals(Map.of("points", 4, "na", false, "note", "Name missing", "fails", true), greeting.get("mark"));
        api.put("sup.north", "/api/quality/reviews/" + id, Map.of("marks", fullMarks(), "submit", true));
        String agent = api.send("agent.north", HttpRequest.GET("/quality/reviews/" + id).accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(agent.contains("id=\"dispute-form\"") && agent.contains("100.0"), agent);
        assertFalse(agent.contains("id=\"review-form\""));
        String list = api.send("agent.north", HttpRequest.GET("/quality/reviews").header("Accept-Language", "zh-CN")
                .accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(list.contains("我的质检评审") && list.contains("/quality/reviews/" + id), list);
        assertNull(api.get("agent.north", "/api/quality/reviews/" + id).json().get("disputeReason"));
    }
}
