package com.servicecoach.coaching;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A coaching session's life cycle and who may do what with it. */
@MicronautTest(transactional = false)
class CoachingTest extends HttpTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    Map<String, Object> session(String focus, List<Map<String, Object>> actions) {
        Map<String, Object> body = new HashMap<>();
        body.put("heldOn", TODAY.toString());
        body.put("focus", focus);
        body.put("notes", "We listened to two calls together.");
        body.put("privateNotes", "Seems tired lately.");
        body.put("followUpOn", TODAY.plusDays(14).toString());
        body.put("actions", actions);
        return body;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> actions(Api.Reply r) {
        return (List<Map<String, Object>>) r.json().get("actions");
    }

    @Test
    void aSupervisorRecordsASessionTheAgentReadsItWithoutThePrivateNotesAcknowledgesItAndDoesTheirAction() {
        Api.Reply created = api.post("sup.north", "/api/agents/N1/coaching", session("CSAT on return and refund", List.of(
                Map.of("text", "Offer the return label in the first reply", "owner", "agent", "dueOn", TODAY.plusDays(7).toString()),
                Map.of("text", "Share two model replies", "owner", "supervisor", "dueOn", TODAY.minusDays(1).toString()))));
        assertEquals(201, created.status(), created.body());
        long id = ((Number) created.json().get("id")).longValue();
        assertEquals("Seems tired lately.", created.json().get("privateNotes"));
        assertEquals(List.of("open", "overdue"), actions(created).stream().map(a -> a.get("status")).toList(), "past its date: overdue");

        assertTrue(api.get("agent.north", "/api/notifications").body().contains("coaching.new"), "the agent is notified");
        Api.Reply mine = api.get("agent.north", "/api/coaching/" + id);
        assertEquals(200, mine.status());
        assertNull(mine.json().get("privateNotes"), "private notes are for supervisors and HR");
        assertEquals("Seems tired lately.", api.get("hr.lin", "/api/coaching/" + id).json().get("privateNotes"), "HR reads them");
        assertEquals(Boolean.TRUE, mine.json().get("canAcknowledge"));

        long agentAction = ((Number) actions(mine).get(0).get("id")).longValue();
        long supervisorAction = ((Number) actions(mine).get(1).get("id")).longValue();
        assertEquals(403, api.post("agent.north", "/api/coaching/actions/" + supervisorAction + "/done", Map.of()).status(),
                "the supervisor's action is not the agent's to tick");
        Api.Reply done = api.post("agent.north", "/api/coaching/actions/" + agentAction + "/done", Map.of());
        assertEquals(200, done.status(), done.body());
        assertEquals("done", actions(done).get(0).get("status"));

        Api.Reply ack = api.post("agent.north", "/api/coaching/" + id + "/acknowledge", Map.of("comment", "Agreed, thanks."));
        assertEquals(200, ack.status(), ack.body());
        assertEquals("Agreed, thanks.", ack.json().get("agentComment"));
        assertEquals(409, api.post("agent.north", "/api/coaching/" + id + "/acknowledge", Map.of()).status(), "once");
        assertEquals(403, api.post("sup.north", "/api/coaching/" + id + "/acknowledge", Map.of()).status(), "only the agent");
        assertEquals(1, api.get("sup.north", "/api/agents/N1/coaching").body().split("\"focus\"", -1).length - 1);
    }

    @Test
    void onlyTheAgentsSupervisorsAndAdministratorsRecordSessionsAndOtherTeamsSeeNothing() {
        Map<String, Object> body = session("First reply", List.of());
        assertEquals(404, api.post("sup.south", "/api/agents/N1/coaching", body).status());
        assertEquals(403, api.post("hr.lin", "/api/agents/N1/coaching", body).status(), "HR reads, changes nothing");
        assertEquals(403, api.post("agent.north", "/api/agents/N1/coaching", body).status());
        Api.Reply made = api.post("admin", "/api/agents/N1/coaching", body);
        assertEquals(201, made.status(), made.body());
        long id = ((Number) made.json().get("id")).longValue();
        assertEquals(404, api.get("sup.south", "/api/coaching/" + id).status());
        assertEquals(404, api.get("agent.south", "/api/coaching/" + id).status());
    }

    @Test
    void aBadSessionIsRefusedFieldByFieldAndNothingIsStored() {
        Map<String, Object> body = session("", List.of(Map.of("text", "", "owner", "robot", "dueOn", "soon")));
        body.put("heldOn", TODAY.plusDays(3).toString());
        body.put("followUpOn", TODAY.toString());
        Api.Reply r = api.post("sup.north", "/api/agents/N1/coaching", body);
        assertEquals(422, r.status(), r.body());
        @SuppressWarnings("unchecked")
        List<String> fields = ((List<Map<String, Object>>) r.json().get("errors")).stream().map(e -> (String) e.get("field")).toList();
        assertEquals(List.of("followUpOn", "heldOn", "focus", "actions[0].text", "actions[0].owner", "actions[0].dueOn"), fields);
        assertEquals("[]", api.get("sup.north", "/api/agents/N1/coaching").body());
    }

    @Test
    void theFormRecordsASessionWhichTheAgentsPageListsAndTheAgentAcknowledgesOnItsPage() {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", api.browser("sup.north").csrf());
        form.put("heldOn", TODAY.toString());
        form.put("focus", "CSAT · Return and refund");
        form.put("notes", "Listened to calls.");
        form.put("action0.text", "Use the new return template");
        form.put("action0.owner", "agent");
        form.put("action0.dueOn", TODAY.plusDays(7).toString());
        Api.Reply saved = api.exchange(api.browser("sup.north").on(HttpRequest.POST("/agents/N1/coaching", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(303, saved.status(), saved.body());
        String hub = page("sup.north", "/agents/N1");
        assertTrue(hub.contains("CSAT · Return and refund") && hub.contains("1 actions · 1 open · 0 overdue"), hub);
        String path = saved.location().replace("?saved=1", "");
        String session = page("agent.north", path);
        assertTrue(session.contains("id=\"acknowledge-form\"") && !session.contains("id=\"private-notes\""), session);
        Map<String, String> ack = Map.of("_csrf", api.browser("agent.north").csrf(), "comment", "OK");
        assertEquals(303, api.exchange(api.browser("agent.north").on(HttpRequest.POST(path + "/acknowledge", ack)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE))).status());
        assertFalse(page("agent.north", path).contains("id=\"acknowledge-form\""), "acknowledged once");

        form.put("focus", "");
        Api.Reply bad = api.exchange(api.browser("sup.north").on(HttpRequest.POST("/agents/N1/coaching", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("id=\"e-focus\""), "the field's error shown");
    }

    String page(String user, String path) {
        return api.exchange(api.browser(user).on(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE))).body();
    }
}
