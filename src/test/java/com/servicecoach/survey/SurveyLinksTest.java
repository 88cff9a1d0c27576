package com.servicecoach.survey;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestClock;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hosted survey links over HTTP: issuing them (a supervisor's teams only, never twice), listing them in the API and
 * as CSV, and a link's life on the public page: answered once and stored, refused afterwards or when expired,
 * unknown tokens, invalid answers, the rate limit, and no agent data on the page beyond the display name.
 */
@MicronautTest(transactional = false)
class SurveyLinksTest extends HttpTest {

    static final String HEADER = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment";
    static final String PERIOD = "from=2026-11-01&to=2026-11-30";
    static final Map<String, Object> NOVEMBER = Map.of("from", "2026-11-01", "to", "2026-11-30", "language", "en");

    @Inject
    TestClock clock;
    @Inject
    SurveyDefinitions definitions;

    record Page(int status, String body, String retryAfter) {
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Three interactions in November: N1's and N2's (North), S1's (South). */
    void interactions() {
        String csv = HEADER + "\nSV-1,N1,chat,logistics,2026-11-02T09:00:00,,,,,\nSV-2,N2,phone,complaint,2026-11-03T10:00:00,,,,,\n"
                + "SV-3,S1,chat,logistics,2026-11-04T11:00:00,,,,,\n";
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
    }

    int issue(String user, Map<String, Object> body) {
        Api.Reply r = api.post(user, "/api/surveys/links", body);
        assertEquals(200, r.status(), r.body());
        return ((Number) r.json().get("issued")).intValue();
    }

    List<Map<String, Object>> links(String user) {
        Api.Reply r = api.get(user, "/api/surveys/links?" + PERIOD);
        assertEquals(200, r.status(), r.body());
        return r.content();
    }

    /** The token of the link of an interaction (issued by the administrator when it has none yet). */
    String token(String externalId) {
        issue("admin", NOVEMBER);
        return (String) links("admin").stream().filter(l -> externalId.equals(l.get("externalId"))).findFirst()
                .orElseThrow().get("token");
    }

    Page open(String path) {
        return page(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE));
    }

    Page submit(String token, Map<String, String> form) {
        return page(HttpRequest.POST("/survey/" + token, form).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML_TYPE));
    }

    Page page(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> r = http.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
            return new Page(r.code(), r.body(), r.getHeaders().get("Retry-After"));
        } catch (HttpClientResponseException e) {
            return new Page(e.code(), e.getResponse().getBody(String.class).orElse(""), e.getResponse().getHeaders().get("Retry-After"));
        }
    }

    /** The stored survey row of an interaction: answered_at, remark, complete, version; and its answers by dimension. */
    Map<String, Object> stored(String externalId) {
        Map<String, Object> row = new HashMap<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("select s.answered_at, s.remark, s.complete, s.origin, s.interaction_id from survey s "
                     + "join interaction i on i.id = s.interaction_id where i.external_id = ?")) {
            ps.setString(1, externalId);
            long id;
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "a survey row for " + externalId);
                row.put("answeredAt", rs.getObject(1));
                row.put("remark", rs.getString(2));
                row.put("complete", rs.getBoolean(3));
                row.put("origin", rs.getString(4));
                id = rs.getLong(5);
            }
            Map<String, Integer> answers = new LinkedHashMap<>();
            try (PreparedStatement q = c.prepareStatement("select dimension, score from survey_answer where interaction_id = ? order by dimension")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        answers.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            row.put("answers", answers);
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- issuing and listing ---------------------------------------------------------------------------------

    @Test
    void aSupervisorIssuesLinksForTheirTeamsInteractionsOnce() {
        interactions();
        assertEquals(2, issue("sup.north", NOVEMBER), "N1's and N2's");
        assertEquals(0, issue("sup.north", NOVEMBER), "not twice");
        assertEquals(0, issue("sup.south", Map.of("from", "2026-10-01", "to", "2026-10-31", "language", "en")), "none in October");
        assertEquals(1, issue("admin", Map.of("from", "2026-11-01", "to", "2026-11-30", "language", "zh")), "only S1's was left");

        List<Map<String, Object>> north = links("sup.north");
        assertEquals(List.of("SV-1", "SV-2"), north.stream().map(l -> l.get("externalId")).toList(), "oldest first, North's only");
        Map<String, Object> first = north.get(0);
        assertEquals("N1", first.get("employeeNo"));
        assertEquals("Li Na", first.get("agentName"));
        assertEquals("en", first.get("language"));
        assertEquals("open", first.get("state"));
        assertNull(first.get("answeredAt"));
        String token = (String) first.get("token");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 random bits, URL-safe: " + token);
        assertTrue(((String) first.get("url")).matches("http://localhost:\\d+/survey/" + token), first.get("url").toString());
        long days = Duration.between(java.time.Instant.parse((String) first.get("issuedAt")),
                java.time.Instant.parse((String) first.get("expiresAt"))).toDays();
        assertEquals(14, days, "the reference survey's links stay valid 14 days");
        for (String key : List.of("source", "createdAt")) {
            assertNotNull(first.get(key), key);
        }
        assertEquals(List.of("SV-3"), links("sup.south").stream().map(l -> l.get("externalId")).toList());
        assertEquals("zh", links("sup.south").get(0).get("language"));
        Api.Reply all = api.get("hr.lin", "/api/surveys/links?" + PERIOD + "&size=2&page=1");
        assertEquals(200, all.status(), all.body());
        assertEquals(3, ((Number) all.json().get("totalElements")).intValue());
        assertEquals(List.of("SV-3"), all.content().stream().map(l -> l.get("externalId")).toList(), "the second page of two");
        assertEquals(2, north.stream().map(l -> l.get("token")).distinct().count(), "each its own token");
    }

    @Test
    void whoMayIssueAndReadAndWhatBadInputAnswers() {
        interactions();
        assertEquals(403, api.post("hr.lin", "/api/surveys/links", NOVEMBER).status(), "HR reads only");
        assertEquals(403, api.post("agent.north", "/api/surveys/links", NOVEMBER).status());
        assertEquals(403, api.get("agent.north", "/api/surveys/links?" + PERIOD).status());
        assertEquals(403, api.get("agent.north", "/surveys/links.csv?" + PERIOD).status());
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("from", "2026-13-01", "to", "2026-11-30", "language", "en"),
                Map.<String, Object>of("from", "2026-11-30", "to", "2026-11-01", "language", "en"),
                Map.<String, Object>of("from", "2025-01-01", "to", "2026-11-30", "language", "en"),
                Map.<String, Object>of("to", "2026-11-30", "language", "en"))) {
            Api.Reply r = api.post("admin", "/api/surveys/links", bad);
            assertEquals(400, r.status(), bad + ": " + r.body());
        }
        assertEquals(400, api.get("admin", "/api/surveys/links?from=2026-11-01&to=nope").status());
        Api.Reply language = api.post("admin", "/api/surveys/links", Map.of("from", "2026-11-01", "to", "2026-11-30", "language", "fr"));
        assertEquals(422, language.status(), language.body());
        assertTrue(language.body().contains("language"), language.body());
        assertEquals(0, links("admin").size(), "nothing was issued");
    }

    @Test
    void theCsvListsTheLinksForTheMailTool() {
        interactions();
        issue("sup.north", NOVEMBER);
        String token = (String) links("admin").get(0).get("token");
        assertEquals(200, submit(token, Map.of("score_attitude", "8")).status());
        Api.Reply csv = api.get("sup.north", "/surveys/links.csv?" + PERIOD);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().startsWith("\uFEFF"), "a byte-order mark for Excel");
        String[] lines = csv.body().substring(1).split("\r\n");
        assertEquals("url,external_id,source,employee_no,agent,language,expires_at,state", lines[0]);
        assertEquals(3, lines.length, String.join("\n", lines));
        assertTrue(lines[1].matches("http://localhost:\\d+/survey/" + token + ",SV-1,[^,]+,N1,Li Na,en,2026-[0-9T:.Z-]+,answered"), lines[1]);
        assertTrue(lines[2].contains(",SV-2,") && lines[2].contains(",王芳,") && lines[2].endsWith(",open"), lines[2]);
    }

    @Test
    void theLinksPageListsIssuesAndIsReadOnlyForHr() {
        interactions();
        Api.BrowserSession sup = api.browser("sup.north");
        Page issued = page(sup.on(HttpRequest.POST("/surveys/links", Map.of("from", "2026-11-01", "to", "2026-11-30", "language", "zh",
                "_csrf", sup.csrf())).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(303, issued.status(), issued.body());
        Page list = page(sup.on(HttpRequest.GET("/surveys/links?" + PERIOD + "&issued=2").accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(200, list.status());
        assertTrue(list.body().contains("id=\"survey-links-issued\""), "says how many were issued");
        assertTrue(list.body().contains("SV-1") && list.body().contains("SV-2") && !list.body().contains("SV-3"), "North's only");
        assertTrue(list.body().contains("badge link-open"), "state badges");
        assertTrue(list.body().contains("/surveys/links.csv?" + PERIOD.replace("&", "&amp;")), "the CSV link");
        assertTrue(list.body().contains("href=\"/surveys/links\""), "in the menu");
        Page bad = page(sup.on(HttpRequest.POST("/surveys/links", Map.of("from", "2026-11-30", "to", "2026-11-01", "language", "fr",
                "_csrf", sup.csrf())).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("id=\"survey-issue-errors\"") && bad.body().contains("aria-invalid=\"true\""), "fields marked");

        Api.BrowserSession hr = api.browser("hr.lin");
        Page hrList = page(hr.on(HttpRequest.GET("/surveys/links?" + PERIOD).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(200, hrList.status());
        assertTrue(hrList.body().contains("SV-1"));
        assertFalse(hrList.body().contains("id=\"survey-issue\""), "no form to issue links for HR");
        Page agent = page(api.browser("agent.north").on(HttpRequest.GET("/surveys/links").accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(403, agent.status());
    }

    // ---- the public page ---------------------------------------------------------------------------------------

    @Test
    void aLinkIsAnsweredOnceAndTheSecondAnswerStoresNothing() {
        interactions();
        String token = token("SV-1");
        Page form = open("/survey/" + token);
        assertEquals(200, form.status(), form.body());
        assertTrue(form.body().contains("You were helped by Li Na."), "the agent's display name");
        for (String words : List.of("Service attitude", "Logistics speed", "Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied",
                "Very satisfied")) {
            assertTrue(form.body().contains(words), words);
        }
        assertTrue(form.body().contains("name=\"viewport\""), "made for phones");
        assertFalse(form.body().contains("/logout") || form.body().contains("<header class=\"top\">"), "not the signed-in layout");

        Page thanks = submit(token, Map.of("score_attitude", "9", "score_price", "4", "score_logistics", "", "remark", "  Fast, thanks  "));
        assertEquals(200, thanks.status(), thanks.body());
        assertTrue(thanks.body().contains("id=\"survey-stored\"") && thanks.body().contains("Thank you"), thanks.body());
        Map<String, Object> row = stored("SV-1");
        assertNotNull(row.get("answeredAt"));
        assertEquals(Map.of("attitude", 9, "price", 4), row.get("answers"));
        assertEquals("Fast, thanks", row.get("remark"));
        assertEquals(false, row.get("complete"), "two of nine dimensions");
        assertEquals("link", row.get("origin"));

        Page again = submit(token, Map.of("score_attitude", "1", "remark", "Changed my mind"));
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("already been answered") && again.body().contains("nothing more was stored"), again.body());
        assertEquals(row, stored("SV-1"), "nothing more was stored");
        Page reopened = open("/survey/" + token);
        assertEquals(409, reopened.status());
        assertFalse(reopened.body().contains("name=\"score_attitude\""), "no form any more");
        assertEquals("answered", links("admin").stream().filter(l -> l.get("token").equals(token)).findFirst().orElseThrow().get("state"));

        String second = token("SV-2");
        Map<String, String> all = new HashMap<>();
        SurveyDefinition.reference().codes().forEach(c -> all.put("score_" + c, "10"));
        assertEquals(200, submit(second, all).status());
        assertEquals(true, stored("SV-2").get("complete"), "every dimension rated");
        assertNull(stored("SV-2").get("remark"));
    }

    @Test
    void aChineseLinkSpeaksChineseAndSwitchesToEnglish() {
        interactions();
        issue("admin", Map.of("from", "2026-11-01", "to", "2026-11-30", "language", "zh"));
        String token = (String) links("admin").stream().filter(l -> "SV-2".equals(l.get("externalId"))).findFirst().orElseThrow().get("token");
        Page zh = open("/survey/" + token);
        assertEquals(200, zh.status());
        assertTrue(zh.body().contains("<html lang=\"zh-CN\">"), "in the link's language");
        assertTrue(zh.body().contains("为您服务的是 王芳。") && zh.body().contains("服务态度") && zh.body().contains("非常不满意"), zh.body());
        Page en = open("/survey/" + token + "?lang=en");
        assertTrue(en.body().contains("<html lang=\"en\">") && en.body().contains("Service attitude"), "switched with ?lang=en");
        Page invalid = submit(token, Map.of("score_attitude", "11"));
        assertEquals(422, invalid.status());
        assertTrue(invalid.body().contains("请选择 1 到 10 的分数。"), "errors in the link's language");
    }

    @Test
    void anExpiredLinkIsRefusedAndStoresNothing() {
        interactions();
        String token = token("SV-1");
        clock.advance(Duration.ofDays(15));
        Page expired = open("/survey/" + token);
        assertEquals(410, expired.status());
        assertTrue(expired.body().contains("expired"), expired.body());
        assertFalse(expired.body().contains("Li Na"));
        Page post = submit(token, Map.of("score_attitude", "9"));
        assertEquals(410, post.status());
        assertNull(stored("SV-1").get("answeredAt"));
        assertEquals(Map.of(), stored("SV-1").get("answers"));
        assertEquals("expired", links("admin").stream().filter(l -> l.get("token").equals(token)).findFirst().orElseThrow().get("state"));
    }

    @Test
    void anUnknownTokenIsNotFoundAndShowsNothing() {
        interactions();
        token("SV-1");
        for (String path : List.of("/survey/no-such-token", "/survey/" + "x".repeat(200))) {
            Page unknown = open(path);
            assertEquals(404, unknown.status(), path);
            assertTrue(unknown.body().contains("Survey not found"), path + ": " + unknown.body());
            assertFalse(unknown.body().contains("Li Na") || unknown.body().contains("name=\"score_"), "no data");
        }
        assertEquals(404, submit("no-such-token", Map.of("score_attitude", "9")).status());
    }

    @Test
    void invalidAnswersComeBackWithTheirErrorsAndStoreNothing() {
        interactions();
        String token = token("SV-1");
        for (String bad : List.of("0", "11", "x", "7.5")) {
            Page p = submit(token, Map.of("score_attitude", bad, "score_price", "7", "remark", "kept"));
            assertEquals(422, p.status(), bad);
            assertTrue(p.body().contains("Choose a score from 1 to 10."), bad);
            assertTrue(p.body().contains("id=\"q-attitude\" aria-describedby=\"e-attitude\""), "the question is marked");
            assertTrue(p.body().contains("value=\"7\" id=\"s-price-7\" aria-describedby=\"w-price-satisfied\" checked"), "values kept");
            assertTrue(p.body().contains(">kept</textarea>"), "the remark kept");
        }
        Page longRemark = submit(token, Map.of("score_attitude", "8", "remark", "a".repeat(SurveyLinks.MAX_REMARK + 1)));
        assertEquals(422, longRemark.status());
        assertTrue(longRemark.body().contains("The remark may be at most 2000 characters long."), longRemark.body());
        Page nothing = submit(token, Map.of("remark", "No scores"));
        assertEquals(422, nothing.status());
        assertTrue(nothing.body().contains("Rate at least one point"), nothing.body());
        Page empty = submit(token, Map.of("score_attitude", ""));
        assertEquals(422, empty.status());
        assertNull(stored("SV-1").get("answeredAt"), "nothing stored");
        assertEquals(Map.of(), stored("SV-1").get("answers"));
        assertEquals(200, submit(token, Map.of("score_attitude", "8")).status(), "the link still takes an answer");
    }

    @Test
    void theRateLimitKeptInTheDatabaseRefusesTooManyRequests() {
        interactions();
        String token = token("SV-1");
        SurveyDefinition reference = SurveyDefinition.reference();
        definitions.save(new Viewer("admin", Role.ADMIN, null), new SurveyDefinition(reference.dimensions(), 14, 2));
        assertEquals(404, submit("no-such-token", Map.of("score_attitude", "9")).status());
        assertEquals(422, submit(token, Map.of("score_attitude", "0")).status());
        Page refused = submit(token, Map.of("score_attitude", "9"));
        assertEquals(429, refused.status(), "the third answer in an hour");
        assertTrue(refused.body().contains("Too many requests"), refused.body());
        assertNotNull(refused.retryAfter(), "says when to come back");
        assertTrue(Integer.parseInt(refused.retryAfter()) <= 3600);
        assertNull(stored("SV-1").get("answeredAt"), "nothing stored");
        // page views: ten per answer allowed, so 20 an hour
        List<Integer> views = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            views.add(open("/survey/" + token).status());
        }
        assertEquals(200, views.get(19));
        assertEquals(429, views.get(20), views.toString());
        clock.advance(Duration.ofHours(1));
        assertEquals(200, submit(token, Map.of("score_attitude", "9")).status(), "the next hour takes answers again");
    }

    @Test
    void thePageShowsTheAgentsNameAndNothingElseOfThem() {
        interactions();
        String token = token("SV-1");
        String body = open("/survey/" + token).body().replace(token, "");
        assertTrue(body.contains("Li Na"));
        for (String hidden : List.of("N1", "n1@shop.test", "North", "sup.north", "SV-1", "chat;email")) {
            assertFalse(body.contains(hidden), hidden + " is not shown");
        }
    }

    @Test
    void signedInStaffCannotAnswerACustomersSurvey() {
        interactions();
        String token = token("SV-1");
        Api.BrowserSession sup = api.browser("sup.north");
        Page refused = page(sup.on(HttpRequest.POST("/survey/" + token, Map.of("score_attitude", "10"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("id=\"survey-staff\""), refused.body());
        assertNull(stored("SV-1").get("answeredAt"), "nothing stored");
        assertEquals(200, submit(token, Map.of("score_attitude", "10")).status(), "the customer still can");
    }

    @Test
    void anAnswerIsJudgedAgainstTheVersionTheCustomerWasShown() {
        interactions();
        String token = token("SV-1");
        Page form = open("/survey/" + token);
        assertTrue(form.body().contains("name=\"version\" value=\"0\""), "the form names its version");
        // the administrator saves a survey of two dimensions while the customer has the reference one open
        definitions.save(new com.servicecoach.account.Viewer("admin", com.servicecoach.account.Role.ADMIN, null),
                new SurveyDefinition(List.of(SurveyDefinition.reference().dimensions().get(0),
                        SurveyDefinition.reference().dimensions().get(8)), 14, 30));
        Map<String, String> all = new HashMap<>();
        SurveyDefinition.reference().codes().forEach(c -> all.put("score_" + c, "8"));
        all.put("version", "0");
        assertEquals(200, submit(token, all).status());
        Map<String, Object> row = stored("SV-1");
        assertEquals(9, ((Map<?, ?>) row.get("answers")).size(), "every question shown is kept");
        assertEquals(true, row.get("complete"), "complete against the version answered");
    }
}
