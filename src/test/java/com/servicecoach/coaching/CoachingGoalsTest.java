package com.servicecoach.coaching;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Goals on a figure: progress from the agent's interactions since the session, met or missed on the goal's date
 * (computed on read, stored by the follow-up), on the session page, the agent's page and the agent's home page; and
 * the follow-up's notifications (overdue actions to their owners, closed goals to the agent), each sent once.
 */
@MicronautTest(transactional = false)
class CoachingGoalsTest extends HttpTest {

    static final ZoneId ORG = ZoneId.of("Asia/Shanghai");

    @Inject
    TestClock clock;
    @Inject
    CoachingFollowUp followUp;

    LocalDate today;

    @BeforeEach
    void atToday() {
        clock.reset();
        today = LocalDate.now(clock.withZone(ORG));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Imports {@code count} chat contacts of {@code category} on {@code day}, {@code satisfied} of them rated 9, the rest 3. */
    void contacts(String prefix, LocalDate day, String channel, String category, int count, int satisfied) {
        StringBuilder csv = new StringBuilder("external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n");
        for (int i = 0; i < count; i++) {
            String t = day + "T" + String.format("%02d", 8 + i / 6) + ":" + String.format("%02d", i % 6 * 10);
            csv.append(prefix).append('-').append(i).append(",N1,").append(channel).append(',').append(category).append(',')
                    .append(t).append(":00,").append(t).append(":20,").append(t).append(":50,").append(i < satisfied ? 9 : 3)
                    .append(",10,\n");
        }
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/interactions/import", csv.toString()).contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
    }

    Map<String, Object> session(LocalDate heldOn, List<Map<String, Object>> actions) {
        Map<String, Object> body = new HashMap<>();
        body.put("heldOn", heldOn.toString());
        body.put("focus", "CSAT on return and refund");
        body.put("actions", actions);
        return body;
    }

    static Map<String, Object> action(String text, String owner, LocalDate dueOn) {
        Map<String, Object> a = new HashMap<>();
        a.put("text", text);
        a.put("owner", owner);
        a.put("dueOn", dueOn.toString());
        return a;
    }

    static Map<String, Object> goal(String text, LocalDate dueOn, String figure, String slice, Object target) {
        Map<String, Object> a = action(text, "agent", dueOn);
        Map<String, Object> g = new HashMap<>();
        g.put("figure", figure);
        if (slice != null) {
            g.put("slice", slice);
        }
        g.put("target", target);
        a.put("goal", g);
        return a;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> actions(Api.Reply r) {
        return (List<Map<String, Object>>) r.json().get("actions");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> goalOf(Map<String, Object> action) {
        return (Map<String, Object>) action.get("goal");
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    List<String> messages(String user, String language) {
        return api.send(user, HttpRequest.GET("/api/notifications").header("Accept-Language", language)).content().stream()
                .map(n -> (String) n.get("message")).toList();
    }

    List<Map<String, Object>> sessions(String user) {
        try {
            return mapper.readValue(api.get(user, "/api/agents/N1/coaching").body(),
                    io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String page(String user, String path) {
        return api.exchange(api.browser(user).on(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE))).body();
    }

    @Test
    void aGoalsProgressCountsTheInteractionsSinceTheSessionAndItClosesAsMetOrMissedOnItsDateOnce() {
        LocalDate held = today.minusDays(5);
        contacts("OLD", today.minusDays(8), "chat", "return_refund", 10, 0); // before the session: not counted
        contacts("RR", today.minusDays(3), "chat", "return_refund", 10, 8);  // 8 of 10 satisfied
        contacts("LOG", today.minusDays(3), "chat", "logistics", 5, 0);      // overall 8 of 15
        LocalDate due = today.plusDays(3);
        Api.Reply created = api.post("sup.north", "/api/agents/N1/coaching", session(held, List.of(
                goal("Offer the return label in the first reply", due, "csat", "return_refund", "80"),
                goal("Lift CSAT overall", due, "csat", null, 85.5),
                goal("Keep phone customers happy", due, "csat", "phone", "50"))));
        assertEquals(201, created.status(), created.body());
        long id = ((Number) created.json().get("id")).longValue();

        List<Map<String, Object>> open = actions(api.get("agent.north", "/api/coaching/" + id));
        Map<String, Object> returns = goalOf(open.get(0));
        assertEquals("open", open.get(0).get("status"));
        assertEquals(List.of("csat", "category", "return_refund"), List.of(returns.get("figure"), returns.get("sliceKind"), returns.get("slice")));
        assertEquals(80.0, num(returns.get("value")), 1e-9, "8 of 10 since the session; the 10 unhappy ones before it do not count");
        assertEquals(10, num(returns.get("n")), 1e-9);
        assertEquals(80.0, num(returns.get("target")), 1e-9);
        assertEquals(Boolean.TRUE, returns.get("onTrack"), "80 % reaches 80");
        assertEquals(List.of(held.toString(), today.toString()), List.of(returns.get("from"), returns.get("to")), "so far: up to today");
        assertEquals(Boolean.FALSE, returns.get("closed"));
        assertNull(returns.get("outcome"));
        Map<String, Object> overall = goalOf(open.get(1));
        assertEquals(53.3, num(overall.get("value")), 1e-9, "8 of 15");
        assertEquals(85.5, num(overall.get("target")), 1e-9, "a JSON number is a target too");
        assertEquals(Boolean.FALSE, overall.get("onTrack"));
        Map<String, Object> phone = goalOf(open.get(2));
        assertNull(phone.get("value"), "no phone contacts: no data");
        assertEquals(0, num(phone.get("n")), 1e-9);
        assertEquals(Boolean.FALSE, phone.get("onTrack"));
        assertEquals(Boolean.FALSE, open.get(0).get("canMarkDone"), "a goal closes on its date, not by hand");
        assertEquals(409, api.post("agent.north", "/api/coaching/actions/" + open.get(0).get("id") + "/done", Map.of()).status());

        String sessionPage = page("agent.north", "/coaching/" + id);
        assertTrue(sessionPage.contains("data-goal-state=\"on_track\"") && sessionPage.contains("data-goal-state=\"behind\"")
                && sessionPage.contains("data-goal-state=\"no_data\""), sessionPage);
        assertTrue(sessionPage.contains("CSAT · Return and refund at least 80.0 % by " + due), sessionPage);
        String home = page("agent.north", "/");
        int mine = home.indexOf("id=\"home-goals\"");
        assertTrue(mine > 0 && home.contains("My goals"), home);
        String goals = home.substring(mine, home.indexOf("</section>", mine));
        assertTrue(goals.contains("<progress max=\"100\" value=\"80\"") && goals.contains("80.0 % of 10 · target 80.0 %"), goals);
        assertTrue(goals.contains("53.3 % of 15 · target 85.5 %"), goals);
        String hub = page("sup.north", "/agents/N1");
        assertTrue(hub.contains("id=\"hub-goals\"") && hub.contains("Goals (3)") && hub.contains("data-goal-state=\"on_track\""), hub);

        // the day after the goal's date: closed on read, before the follow-up has run
        clock.advance(Duration.ofDays(4));
        List<Map<String, Object>> computed = actions(api.get("agent.north", "/api/coaching/" + id));
        assertEquals(List.of("met", "missed", "missed"), computed.stream().map(a -> a.get("status")).toList());
        assertEquals(Boolean.TRUE, goalOf(computed.get(0)).get("closed"));
        assertNull(goalOf(computed.get(0)).get("closedAt"), "not stored yet");
        assertEquals(due.toString(), goalOf(computed.get(0)).get("to"), "judged over the session's date to the goal's date");
        assertTrue(page("agent.north", "/").contains("data-goal-state=\"missed_no_data\""), "closed goals stay on the home page a while");

        CoachingFollowUp.Result run = followUp.run();
        assertEquals(new CoachingFollowUp.Result(3, 3), run, "three goals closed, the agent told of each");
        assertEquals(new CoachingFollowUp.Result(0, 0), followUp.run(), "once");
        List<String> en = messages("agent.north", "en");
        assertTrue(en.contains("Goal met: CSAT · Return and refund at 80.0 % (target 80.0 %) from " + held + " to " + due + "."), en.toString());
        assertTrue(en.contains("Goal missed: CSAT at 53.3 % (target 85.5 %) from " + held + " to " + due + "."), en.toString());
        assertTrue(en.contains("Goal missed: no data for CSAT · Phone from " + held + " to " + due + " (target 50.0 %)."), en.toString());
        assertTrue(messages("agent.north", "zh-CN").contains("目标已达成：" + held + " 至 " + due + " 的 满意度（CSAT） · 退换货与退款 为 80.0 %（目标 80.0 %）。"),
                messages("agent.north", "zh-CN").toString());
        assertEquals(4, messages("agent.north", "en").size(), "the new session and the three goals");

        // stored: unhappy contacts of the goal's days imported later change nothing
        contacts("LATE", today.minusDays(2), "chat", "return_refund", 10, 0);
        Map<String, Object> stored = goalOf(actions(api.get("agent.north", "/api/coaching/" + id)).get(0));
        assertEquals("met", stored.get("outcome"));
        assertEquals(80.0, num(stored.get("value")), 1e-9);
        assertNotNull(stored.get("closedAt"));
        assertEquals(new CoachingFollowUp.Result(0, 0), followUp.run());
    }

    @Test
    void overdueActionsAreToldToTheirOwnersOnceAndDoneOnesNotAtAll() {
        Api.Reply bySupervisor = api.post("sup.north", "/api/agents/N1/coaching", session(today, List.of(
                action("Use the new return template", "agent", today),
                action("Share two model replies", "supervisor", today),
                action("Read the refund policy", "agent", today))));
        assertEquals(201, bySupervisor.status(), bySupervisor.body());
        Api.Reply byAdmin = api.post("admin", "/api/agents/N1/coaching", session(today, List.of(
                action("Book a call review", "supervisor", today.plusDays(1)))));
        assertEquals(201, byAdmin.status(), byAdmin.body());
        Object read = actions(bySupervisor).get(2).get("id");
        assertEquals(200, api.post("agent.north", "/api/coaching/actions/" + read + "/done", Map.of()).status());

        assertEquals(new CoachingFollowUp.Result(0, 0), followUp.run(), "due today is not overdue yet");
        clock.advance(Duration.ofDays(1));
        assertEquals(new CoachingFollowUp.Result(0, 2), followUp.run(), "the agent's and the supervisor's, not the done one");
        assertEquals(new CoachingFollowUp.Result(0, 0), followUp.run(), "once per action");
        assertTrue(messages("agent.north", "en").contains("Your coaching action was due on " + today
                + " and is still open: Use the new return template"), messages("agent.north", "en").toString());
        assertEquals(List.of("Your coaching action with Li Na was due on " + today + " and is still open: Share two model replies"),
                messages("sup.north", "en"));
        assertEquals(List.of("你与 Li Na 约定的辅导行动已于 " + today + " 到期，仍未完成：Share two model replies"),
                messages("sup.north", "zh-CN"));
        assertEquals(List.of(), messages("admin", "en"), "the admin's action is due tomorrow");

        clock.advance(Duration.ofDays(1));
        assertEquals(new CoachingFollowUp.Result(0, 1), followUp.run(), "the session's creator owns its supervisor actions");
        assertEquals(1, messages("admin", "en").size());
        assertEquals(List.of(), messages("sup.south", "en"));
        assertEquals(3, messages("agent.north", "en").size(), "two sessions and one overdue action");
    }

    @Test
    void badGoalsAreRefusedNamingTheActionAndTheFieldAndNothingIsStored() {
        Map<String, Object> wrongOwner = goal("Lift CSAT", today.minusDays(3), "csat", null, "80.55");
        wrongOwner.put("owner", "supervisor");
        Api.Reply r = api.post("sup.north", "/api/agents/N1/coaching", session(today.minusDays(1), List.of(
                action("Listen to two calls", "agent", today.plusDays(3)),
                goal("Answer faster", today.plusDays(9), "knowledge", "returns", "120"),
                wrongOwner,
                goal("Resolve more", today.plusDays(9), "resolution_sla", "email", ""))));
        assertEquals(422, r.status(), r.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
        assertEquals(List.of("actions[1].goal.figure", "actions[1].goal.slice", "actions[1].goal.target",
                        "actions[2].owner", "actions[2].dueOn", "actions[2].goal.target", "actions[3].goal.target"),
                errors.stream().map(e -> e.get("field")).toList(), r.body());
        assertEquals("[]", api.get("sup.north", "/api/agents/N1/coaching").body(), "nothing stored");

        Map<String, String> form = new HashMap<>();
        form.put("_csrf", api.browser("sup.north").csrf());
        form.put("heldOn", today.toString());
        form.put("focus", "CSAT · Return and refund");
        form.put("action0.text", "Offer the return label first");
        form.put("action0.owner", "agent");
        form.put("action0.dueOn", today.plusDays(28).toString());
        form.put("action0.goal.figure", "csat");
        form.put("action0.goal.slice", "return_refund");
        form.put("action0.goal.target", "eighty");
        Api.Reply bad = api.exchange(api.browser("sup.north").on(HttpRequest.POST("/agents/N1/coaching", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("id=\"e-action0.goal.target\"")
                && bad.body().contains("eighty is not a percentage from 0 to 100 with at most one decimal."), bad.body());
        assertTrue(bad.body().contains("<option value=\"return_refund\" selected>"), "the entered values come back");

        form.put("action0.goal.target", "80");
        Api.Reply saved = api.exchange(api.browser("sup.north").on(HttpRequest.POST("/agents/N1/coaching", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(303, saved.status(), saved.body());
        List<Map<String, Object>> list = sessions("sup.north");
        assertEquals(1, list.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> g = goalOf(((List<Map<String, Object>>) list.get(0).get("actions")).get(0));
        assertEquals(List.of("csat", "return_refund"), List.of(g.get("figure"), g.get("slice")));
    }

    @Test
    void aGapsCoachProposesAGoalOnItsFigureAndSliceWithTheFiguresTarget() {
        String form = page("sup.north", "/agents/N1/coaching/new?focus=CSAT&goal=csat&slice=return_refund");
        assertTrue(form.contains("<option value=\"csat\" selected>") && form.contains("<option value=\"return_refund\" selected>"), form);
        assertTrue(form.contains("name=\"action0.goal.target\" type=\"text\" value=\"80"), form);
        assertTrue(form.contains("name=\"action0.dueOn\" type=\"date\" value=\"" + today.plusDays(28) + "\""), form);
    }
}
