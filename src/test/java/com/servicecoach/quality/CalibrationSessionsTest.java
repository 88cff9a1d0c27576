package com.servicecoach.quality;

import com.servicecoach.scoring.Calibration;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calibration sessions: opened by a supervisor over a few of their team's conversations with reviewers of any team,
 * scored blind, revealed with the figures of metrics.md once everyone has submitted, and never counted as reviews.
 */
@MicronautTest(transactional = false)
class CalibrationSessionsTest extends HttpTest {

    static final String HEADER = QualityReviewsTest.HEADER;

    long q1;
    long q4;
    long q5;
    long q6;
    long s2;

    void importConversations() {
        String csv = HEADER + "\n"
                + "Q-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,\"customer: Where is my parcel?\nagent: It left the depot today.\"\n"
                + "Q-2,S1,chat,logistics,2026-03-02T09:00:00,,,,,\"customer: Hello from the south\"\n"
                + "Q-4,N1,chat,return_refund,2026-03-03T09:00:00,,,,,\"customer: I want my money back\nagent: The refund is on its way.\"\n"
                + "Q-5,N1,chat,logistics,2026-03-04T09:00:00,,,,,\"customer: A secret of the north\"\n"
                + "Q-6,N1,email,logistics,2026-03-04T09:00:00,,,,,\"customer: By mail\"\n";
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
        assertEquals(5L, ((Number) r.json().get("inserted")).longValue(), r.body());
        q1 = id("Q-1");
        s2 = id("Q-2");
        q4 = id("Q-4");
        q5 = id("Q-5");
        q6 = id("Q-6");
    }

    long id(String externalId) {
        return ((Number) api.get("admin", "/api/interactions?externalId=" + externalId).content().get(0).get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(Api.Reply r) {
        return ((List<Map<String, Object>>) r.json().get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> messages(Api.Reply r) {
        return ((List<Map<String, Object>>) r.json().get("errors")).stream().map(e -> (String) e.get("message")).toList();
    }

    static Map<String, Object> body(String title, String rubric, List<Long> interactions, List<String> invitees) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", title);
        b.put("rubric", rubric);
        b.put("interactions", interactions);
        b.put("invitees", invitees);
        return b;
    }

    long open() {
        Api.Reply created = api.post("sup.north", "/api/quality/calibrations",
                body("March calibration", "chat", List.of(q1, q4), List.of("admin", "sup.south")));
        assertEquals(201, created.status(), created.body());
        return ((Number) created.json().get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Api.Reply r) {
        return (List<Map<String, Object>>) r.json().get("items");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> criterion(Map<String, Object> scoring, String code) {
        return ((List<Map<String, Object>>) scoring.get("criteria")).stream().filter(c -> code.equals(c.get("code"))).findFirst().orElseThrow();
    }

    @Test
    void openingASessionChecksEveryFieldAndStoresNothingWhenOneIsWrong() {
        importConversations();
        Api.Reply bad = api.post("sup.north", "/api/quality/calibrations", body(" ", "nope", List.of(q1, q1, s2),
                List.of("agent.north", "hr.lin", "nobody", "sup.south", "sup.south")));
        assertEquals(422, bad.status(), bad.body());
        assertEquals(List.of("title", "rubric", "interactions", "interactions", "invitees", "invitees", "invitees", "invitees"),
                fields(bad), bad.body());
        assertEquals(List.of("Required.", "There is no rubric \"nope\".", "Contact " + q1 + " is chosen twice.",
                "No contact " + s2 + " among the conversations you review.",
                "agent.north is not a supervisor or administrator who can sign in.",
                "hr.lin is not a supervisor or administrator who can sign in.",
                "nobody is not a supervisor or administrator who can sign in.", "sup.south is invited twice."), messages(bad));

        Api.Reply bad2 = api.post("sup.north", "/api/quality/calibrations", body("x".repeat(201), "chat", List.of(q1, q6), List.of()));
        assertEquals(422, bad2.status());
        assertEquals(List.of("A title holds at most 200 characters.", "Contact " + q6 + " is on the channel email, which the rubric chat does not review.",
                "Invite 1 to 20 reviewers (0 invited)."), messages(bad2));
        List<Long> eleven = new ArrayList<>();
        for (long i = 0; i < 11; i++) {
            eleven.add(q1 + 1000 + i);
        }
        Api.Reply tooMany = api.post("admin", "/api/quality/calibrations", body("Many", "chat", eleven, List.of("admin")));
        assertTrue(messages(tooMany).contains("Choose 2 to 10 different conversations (11 chosen)."), tooMany.body());
        Api.Reply one = api.post("sup.north", "/api/quality/calibrations", body("One", "chat", List.of(q1), List.of("admin")));
        assertEquals(List.of("Choose 2 to 10 different conversations (1 chosen)."), messages(one));

        assertEquals(0, api.get("admin", "/api/quality/calibrations").content().size(), "nothing stored");
        assertEquals(0, api.get("sup.north", "/api/quality/calibrations").content().size());
        assertFalse(api.get("admin", "/api/notifications").body().contains("quality.calibration"), "nobody told");
        assertEquals(403, api.post("hr.lin", "/api/quality/calibrations", body("T", "chat", List.of(q1, q4), List.of("admin"))).status());
        assertEquals(403, api.post("agent.north", "/api/quality/calibrations", body("T", "chat", List.of(q1, q4), List.of("admin"))).status());
        assertEquals(403, api.get("hr.lin", "/api/quality/calibrations").status());

        // the administrator may take any team's conversations; the creator may invite themself
        Api.Reply ok = api.post("admin", "/api/quality/calibrations", body(" Mixed ", "chat", List.of(s2, q1), List.of("admin", "sup.north")));
        assertEquals(201, ok.status(), ok.body());
        assertEquals("Mixed", ok.json().get("title"));
        assertEquals(List.of(s2, q1), items(ok).stream().map(i -> ((Number) i.get("interactionId")).longValue()).toList());
        assertTrue(api.get("sup.north", "/api/notifications").body().contains("quality.calibration"), "the invitee is told");
        assertFalse(api.get("admin", "/api/notifications").body().contains("quality.calibration"), "not the creator");
    }

    @Test
    @SuppressWarnings("unchecked")
    void scoringIsBlindUntilEveryInviteeHasSubmittedThenTheFiguresAreThoseOfMetricsMd() {
        importConversations();
        List<Map<String, Object>> full = QualityReviewsTest.fullMarks();
        // a normal review of another North conversation: the QA figures it makes must not move
        long review = ((Number) api.post("sup.north", "/api/quality/reviews", Map.of("interactionId", q5)).json().get("id")).longValue();
        assertEquals(200, api.put("sup.north", "/api/quality/reviews/" + review, Map.of("marks", full, "submit", true)).status());
        List<Map<String, Object>> before = api.get("admin", "/api/quality/reviews?agent=N1").content();
        assertEquals(1, before.size());

        long id = open();
        String base = "/api/quality/calibrations/" + id;

        // field-by-field checks as for a review; nothing stored
        Api.Reply invalid = api.put("admin", base + "/scores/" + q1, Map.of("marks",
                QualityReviewsTest.with(full, "greeting", Map.of("criterion", "greeting", "points", 6))));
        assertEquals(422, invalid.status());
        assertEquals(List.of("marks.greeting"), fields(invalid));
        assertNull(criterion((Map<String, Object>) items(api.get("admin", base)).get(0).get("mine"), "greeting").get("mark"));

        List<Map<String, Object>> adminQ1 = QualityReviewsTest.with(full, "greeting", Map.of("criterion", "greeting", "points", 5,
                "note", "Warm welcome"));
        assertEquals(200, api.put("admin", base + "/scores/" + q1, Map.of("marks", adminQ1)).status());
        assertEquals(200, api.put("admin", base + "/scores/" + q4, Map.of("marks", full)).status());
        List<Map<String, Object>> southQ1 = QualityReviewsTest.with(full, "greeting", Map.of("criterion", "greeting", "points", 3,
                "note", "No name given"));
        assertEquals(200, api.put("sup.south", base + "/scores/" + q1, Map.of("marks", southQ1)).status());
        // a partial draft saves, but cannot be submitted
        assertEquals(200, api.put("sup.south", base + "/scores/" + q4, Map.of("marks", List.of(Map.of("criterion", "closing", "points", 5)))).status());
        Api.Reply incomplete = api.post("sup.south", base + "/submit", Map.of());
        assertEquals(422, incomplete.status());
        assertEquals(List.of("scores." + q4), fields(incomplete));
        assertEquals(List.of("Conversation Q-4: 7 criteria still to mark."), messages(incomplete));

        assertEquals(403, api.put("sup.north", base + "/scores/" + q1, Map.of("marks", full)).status(), "the creator is not invited");
        assertEquals(403, api.post("sup.north", base + "/submit", Map.of()).status());
        assertEquals(404, api.put("sup.south", base + "/scores/" + q5, Map.of("marks", full)).status(), "not in the session");

        Api.Reply first = api.post("admin", base + "/submit", Map.of());
        assertEquals(200, first.status(), first.body());
        assertEquals(false, first.json().get("revealed"));
        assertEquals(409, api.post("admin", base + "/submit", Map.of()).status());
        assertEquals(409, api.put("admin", base + "/scores/" + q1, Map.of("marks", full)).status(), "submitted scores do not change");

        // before the reveal: an invitee sees their own scores only; the creator who is not invited sees who has submitted
        Api.Reply south = api.get("sup.south", base);
        assertEquals(200, south.status());
        assertFalse(south.body().contains("Warm welcome"), south.body());
        assertTrue(south.body().contains("No name given"));
        assertNull(south.json().get("results"));
        for (Map<String, Object> item : items(south)) {
            assertEquals(List.of(), item.get("scores"));
            assertNull(item.get("medianPercent"));
        }
        Api.Reply creator = api.get("sup.north", base);
        assertFalse(creator.body().contains("Warm welcome") || creator.body().contains("No name given"), creator.body());
        assertNull(items(creator).get(0).get("mine"));
        assertEquals(List.of(Map.of("username", "admin", "submitted", true), Map.of("username", "sup.south", "submitted", false)),
                ((List<Map<String, Object>>) creator.json().get("invitees")).stream()
                        .map(i -> Map.of("username", i.get("username"), "submitted", i.get("submitted"))).toList());
        assertFalse(api.get("admin", base).body().contains("No name given"), "blind for the first to submit too");
        String page = api.send("sup.north", HttpRequest.GET("/quality/calibrations/" + id).accept(MediaType.TEXT_HTML_TYPE)).body();
        assertFalse(page.contains("Warm welcome") || page.contains("No name given") || page.contains("calibration-results"), page);

        // the last submission reveals: closing 5 of 10 on Q-4
        List<Map<String, Object>> southQ4 = QualityReviewsTest.with(full, "closing", Map.of("criterion", "closing", "points", 5));
        assertEquals(200, api.put("sup.south", base + "/scores/" + q4, Map.of("marks", southQ4)).status());
        Api.Reply last = api.post("sup.south", base + "/submit", Map.of());
        assertEquals(200, last.status(), last.body());
        assertEquals(true, last.json().get("revealed"));
        for (String u : List.of("sup.north", "admin", "sup.south")) {
            assertTrue(api.get(u, "/api/notifications").body().contains("every reviewer has scored"), u + " is told");
        }

        Api.Reply revealed = api.get("sup.north", base);
        Map<String, Object> results = (Map<String, Object>) revealed.json().get("results");
        // admin 100 % and 100 %; sup.south 73/75 = 97.33 % and 70/75 = 93.33 %: medians 98.67 and 96.67
        assertEquals(List.of(98.7, 96.7), items(revealed).stream().map(i -> ((Number) i.get("medianPercent")).doubleValue()).toList());
        assertEquals(2, ((List<?>) items(revealed).get(0).get("scores")).size());
        Map<String, Double> agreement = new HashMap<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) results.get("agreement")) {
            agreement.put((String) a.get("criterion"), ((Number) a.get("percent")).doubleValue());
        }
        assertEquals(Map.of("greeting", 50.0, "understood-issue", 100.0, "accurate-information", 100.0, "identity-verified", 100.0,
                "policy-followed", 100.0, "tone-empathy", 100.0, "next-steps", 100.0, "closing", 50.0), agreement);
        // 12 units with two values (the N/A ones are missing): 22 at 1, one 0.6 and one 0.5 (ordinal); 22 pass, 2 fail (nominal)
        // ordinal alpha = 1 - 23 * 577 / 12696 = -0.045; nominal = 1 - 23 * 4 / 88 = -0.045
        assertEquals(-0.05, ((Number) results.get("ordinalAlpha")).doubleValue());
        assertEquals(-0.05, ((Number) results.get("nominalAlpha")).doubleValue());
        List<Map<String, Object>> deviations = (List<Map<String, Object>>) results.get("deviations");
        assertEquals(List.of("admin", "sup.south"), deviations.stream().map(d -> d.get("reviewer")).toList());
        assertEquals(List.of(2.3, -2.3), deviations.stream().map(d -> ((Number) d.get("deviation")).doubleValue()).toList());

        // the same figures as Calibration.of on the same scores, rounded for display
        List<Calibration.Score> scores = new ArrayList<>();
        addScores(scores, "admin", q1, adminQ1);
        addScores(scores, "admin", q4, full);
        addScores(scores, "sup.south", q1, southQ1);
        addScores(scores, "sup.south", q4, southQ4);
        Calibration.Result expected = Calibration.of(scores);
        assertEquals(Rounding.rating(expected.ordinalAlpha()).doubleValue(), ((Number) results.get("ordinalAlpha")).doubleValue());
        assertEquals(Rounding.rating(expected.nominalAlpha()).doubleValue(), ((Number) results.get("nominalAlpha")).doubleValue());
        assertEquals(expected.deviations().stream().map(d -> Rounding.percent(d.deviation()).doubleValue()).toList(),
                deviations.stream().map(d -> ((Number) d.get("deviation")).doubleValue()).toList());
        Map<String, Double> expectedAgreement = new HashMap<>();
        expected.agreement().forEach(a -> expectedAgreement.put(a.criterion(), Rounding.percent(a.percent()).doubleValue()));
        assertEquals(expectedAgreement, agreement);
        assertEquals(List.of("greeting", "understood-issue", "accurate-information", "identity-verified", "policy-followed",
                "tone-empathy", "next-steps", "closing"), ((List<Map<String, Object>>) results.get("agreement")).stream()
                .map(a -> a.get("criterion")).toList(), "in the rubric's order");
        assertTrue(api.get("sup.south", base).body().contains("Warm welcome"), "after the reveal every score is shown");

        // the calibration copies count nowhere
        assertEquals(before, api.get("admin", "/api/quality/reviews?agent=N1").content());
        assertEquals(1, api.get("agent.north", "/api/quality/reviews").content().size());
        assertEquals(0, api.get("sup.south", "/api/quality/reviews").content().size());

        String en = api.send("sup.south", HttpRequest.GET("/quality/calibrations/" + id).accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(en.contains("id=\"calibration-results\"") && en.contains("+2.3") && en.contains("-2.3") && en.contains("-0.05"), en);
        String zh = api.send("sup.south", HttpRequest.GET("/quality/calibrations/" + id).header("Accept-Language", "zh-CN")
                .accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(zh.contains("各评分项的一致率") && zh.contains("1 个（共 2 个）"), zh);
    }

    static void addScores(List<Calibration.Score> out, String reviewer, long interaction, List<Map<String, Object>> marks) {
        Map<String, int[]> rubric = Map.of("greeting", new int[]{5, 0}, "understood-issue", new int[]{15, 0},
                "accurate-information", new int[]{20, 0}, "identity-verified", new int[]{10, 1}, "policy-followed", new int[]{15, 1},
                "tone-empathy", new int[]{10, 0}, "next-steps", new int[]{15, 0}, "closing", new int[]{10, 0});
        for (Map<String, Object> m : marks) {
            int[] c = rubric.get((String) m.get("criterion"));
            Integer points = m.get("points") == null ? null : ((Number) m.get("points")).intValue();
            out.add(new Calibration.Score(reviewer, interaction, (String) m.get("criterion"), points, c[0], c[1] == 1));
        }
    }

    @Test
    void anInviteeOfAnotherTeamReadsTheSessionsConversationsThroughTheSessionOnly() {
        importConversations();
        long review = ((Number) api.post("sup.north", "/api/quality/reviews", Map.of("interactionId", q5)).json().get("id")).longValue();
        api.put("sup.north", "/api/quality/reviews/" + review, Map.of("marks", QualityReviewsTest.fullMarks(), "submit", true));
        long id = open();
        Api.Reply session = api.get("sup.south", "/api/quality/calibrations/" + id);
        assertEquals(200, session.status(), session.body());
        assertTrue(session.body().contains("Where is my parcel?") && session.body().contains("The refund is on its way."), session.body());
        assertEquals(1, api.get("sup.south", "/api/quality/calibrations").content().size());
        assertEquals(true, api.get("sup.south", "/api/quality/calibrations").content().get(0).get("invited"));
        Api.Reply paged = api.get("admin", "/api/quality/calibrations?page=1&size=1");
        assertEquals(1L, ((Number) paged.json().get("totalElements")).longValue(), paged.body());
        assertEquals(List.of(), paged.content(), "a page past the last is empty");
        assertEquals(400, api.get("admin", "/api/quality/calibrations?size=0").status());
        String page = api.send("sup.south", HttpRequest.GET("/quality/calibrations/" + id + "?item=" + q4)
                .header("Accept-Language", "zh-CN").accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(page.contains("The refund is on its way.") && page.contains("id=\"calibration-score-form\"") && page.contains("提交我的评分"), page);

        assertEquals(404, api.get("sup.south", "/api/interactions/" + q5).status(), "another North conversation");
        assertEquals(404, api.get("sup.south", "/api/interactions/" + q1).status(), "the session's own only through the session");
        assertEquals(404, api.send("sup.south", HttpRequest.GET("/interactions/" + q5).accept(MediaType.TEXT_HTML_TYPE)).status());
        assertEquals(404, api.get("sup.south", "/api/quality/reviews/" + review).status(), "normal reviews stay the team's");
        assertFalse(api.send("sup.south", HttpRequest.GET("/quality/calibrations/" + id).accept(MediaType.TEXT_HTML_TYPE)).body()
                .contains("A secret of the north"));

        // not invited: 404; not a reviewer role: 403
        long other = ((Number) api.post("sup.north", "/api/quality/calibrations", body("North only", "chat", List.of(q1, q5),
                List.of("sup.north"))).json().get("id")).longValue();
        assertEquals(404, api.get("sup.south", "/api/quality/calibrations/" + other).status());
        assertEquals(404, api.put("sup.south", "/api/quality/calibrations/" + other + "/scores/" + q1,
                Map.of("marks", QualityReviewsTest.fullMarks())).status());
        assertEquals(200, api.get("admin", "/api/quality/calibrations/" + other).status());
        assertEquals(403, api.get("hr.lin", "/api/quality/calibrations/" + id).status());
        assertEquals(403, api.get("agent.north", "/api/quality/calibrations/" + id).status());
        assertEquals(404, api.get("sup.north", "/api/quality/calibrations/99999999").status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePagesOpenASessionAndScoreAConversationWithTheRubricForm() {
        importConversations();
        String en = api.send("sup.north", HttpRequest.GET("/quality/calibrations").accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(en.contains("id=\"calibration-form\"") && en.contains("invitee_sup.south") && en.contains("Open the session"), en);
        String zh = api.send("sup.north", HttpRequest.GET("/quality/calibrations").header("Accept-Language", "zh-CN")
                .accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(zh.contains("发起校准会议") && zh.contains("校准会议"), zh);

        Api.BrowserSession b = api.browser("sup.north");
        Map<String, String> form = new HashMap<>(Map.of("_csrf", b.csrf(), "title", "Page session", "rubric", "chat",
                "interactionIds", q1 + ", x", "invitee_sup.south", "on"));
        Api.Reply bad = api.exchange(b.on(HttpRequest.POST("/quality/calibrations", form).contentType(MediaType.APPLICATION_FORM_URLENCODED)));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("&quot;x&quot; is not a contact number.") || bad.body().contains("\"x\" is not a contact number."), bad.body());
        assertTrue(bad.body().contains("Choose 2 to 10 different conversations (1 chosen)."), bad.body());
        assertEquals(0, api.get("sup.north", "/api/quality/calibrations").content().size());
        form.put("interactionIds", String.valueOf(q1));
        form.put("item_" + q4, "on");
        Api.Reply created = api.exchange(b.on(HttpRequest.POST("/quality/calibrations", form).contentType(MediaType.APPLICATION_FORM_URLENCODED)));
        assertEquals(303, created.status(), created.body());
        long id = ((Number) api.get("sup.north", "/api/quality/calibrations").content().get(0).get("id")).longValue();

        Api.BrowserSession south = api.browser("sup.south");
        Map<String, String> marks = new HashMap<>(Map.of("_csrf", south.csrf(), "mark.greeting", "4", "note.greeting", "Name missing",
                "mark.closing", "na"));
        Api.Reply saved = api.exchange(south.on(HttpRequest.POST("/quality/calibrations/" + id + "/scores/" + q1, marks)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)));
        assertEquals(422, saved.status());
        assertTrue(saved.body().contains("closing cannot be N/A."), saved.body());
        marks.put("mark.closing", "10");
        saved = api.exchange(south.on(HttpRequest.POST("/quality/calibrations/" + id + "/scores/" + q1, marks)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)));
        assertEquals(303, saved.status(), saved.body());
        Map<String, Object> mine = (Map<String, Object>) items(api.get("sup.south", "/api/quality/calibrations/" + id)).stream()
                .filter(i -> ((Number) i.get("interactionId")).longValue() == q1).findFirst().orElseThrow().get("mine");
        assertEquals(Map.of("points", 4, "na", false, "note", "Name missing", "fails", true), criterion(mine, "greeting").get("mark"));
        assertEquals(6, ((Number) mine.get("unmarked")).intValue());
        Api.Reply submit = api.exchange(south.on(HttpRequest.POST("/quality/calibrations/" + id + "/submit", Map.of("_csrf", south.csrf()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)));
        assertEquals(422, submit.status());
        assertTrue(submit.body().contains("Conversation Q-1: 6 criteria still to mark."), submit.body());
    }
}
