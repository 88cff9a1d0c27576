package com.servicecoach.agent;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's helpdesk user id through the API, the form and the CSV import: trimmed, empty for none, at most 100
 * characters, no other agent's (ignoring case).
 */
@MicronautTest(transactional = false)
class AgentHelpdeskIdTest extends HttpTest {

    static final String CSRF = "test-csrf-token-0123456789";

    @Inject
    AgentRepository agents;

    private static Map<String, Object> agent(String employeeNo, String helpdeskId) {
        Map<String, Object> body = new HashMap<>(Map.of("employeeNo", employeeNo, "name", "Agent " + employeeNo,
                "email", employeeNo.toLowerCase() + "@shop.test", "team", "North", "channels", List.of("chat")));
        if (helpdeskId != null) {
            body.put("helpdeskId", helpdeskId);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Api.Reply r) {
        return (List<Map<String, Object>>) r.json().get("errors");
    }

    private Api.Reply form(String user, String path, Map<String, String> fields, String language) {
        Map<String, String> body = new HashMap<>(fields);
        body.put("_csrf", api.browser(user).csrf());
        MutableHttpRequest<?> request = HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of("sc_csrf", CSRF)).header("Accept-Language", language);
        return api.exchange(api.browser(user).on(request));
    }

    private Api.Reply page(String user, String path) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of("sc_csrf", CSRF));
        return api.exchange(api.browser(user).on(request));
    }

    private Api.Reply importCsv(String csv) {
        return api.send("admin", HttpRequest.POST("/api/agents/import", csv).contentType("text/csv"));
    }

    private String helpdeskIdOf(String employeeNo) {
        return agents.findByEmployeeNo(employeeNo).orElseThrow().helpdeskId();
    }

    // ---- API -------------------------------------------------------------------------------------

    @Test
    void theApiStoresTheHelpdeskIdTrimmedAndShowsIt() {
        Api.Reply created = api.post("admin", "/api/agents", agent("N70", "  Zhou.Ting@helpdesk.example "));
        assertEquals(201, created.status(), created.body());
        assertEquals("Zhou.Ting@helpdesk.example", created.json().get("helpdeskId"));
        assertEquals("Zhou.Ting@helpdesk.example", helpdeskIdOf("N70"));
        assertEquals("N70", agents.findByHelpdeskId("Zhou.Ting@helpdesk.example").orElseThrow().employeeNo());
        assertEquals("Zhou.Ting@helpdesk.example", api.get("admin", "/api/agents/N70").json().get("helpdeskId"));

        Api.Reply without = api.post("admin", "/api/agents", agent("N71", null));
        assertEquals(201, without.status(), without.body());
        assertTrue(without.json().containsKey("helpdeskId") && without.json().get("helpdeskId") == null, without.body());
        Api.Reply blank = api.post("admin", "/api/agents", agent("N72", "   "));
        assertEquals(201, blank.status(), blank.body());
        assertNull(helpdeskIdOf("N72"), "blank is none, and several agents may have none");
    }

    @Test
    void anUpdateChangesKeepsOrClearsTheHelpdeskId() {
        assertEquals(201, api.post("admin", "/api/agents", agent("N70", "zt-1")).status());
        Api.Reply changed = api.put("admin", "/api/agents/N70", agent("N70", "zt-2"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals("zt-2", changed.json().get("helpdeskId"));

        Api.Reply kept = api.put("admin", "/api/agents/N70", agent("N70", null));
        assertEquals(200, kept.status(), kept.body());
        assertEquals("zt-2", helpdeskIdOf("N70"), "left out of the call, it is kept");

        Api.Reply same = api.put("admin", "/api/agents/N70", agent("N70", "ZT-2"));
        assertEquals(200, same.status(), "the agent's own id in another case is no conflict: " + same.body());
        assertEquals("ZT-2", helpdeskIdOf("N70"));

        Api.Reply cleared = api.put("sup.north", "/api/agents/N70", agent("N70", ""));
        assertEquals(200, cleared.status(), cleared.body());
        assertNull(helpdeskIdOf("N70"), "empty clears it");
    }

    @Test
    void aHelpdeskIdAnotherAgentUsesIsRefusedIgnoringCaseAndNamesThatAgent() {
        assertEquals(201, api.post("admin", "/api/agents", agent("A007", "li.na@helpdesk")).status());
        long before = agents.count();
        Api.Reply r = api.post("admin", "/api/agents", agent("N73", " LI.NA@helpdesk "));
        assertEquals(422, r.status(), r.body());
        assertEquals(1, errors(r).size(), r.body());
        assertEquals("helpdeskId", errors(r).get(0).get("field"));
        assertEquals("Helpdesk user id LI.NA@helpdesk is already used by agent A007.", errors(r).get(0).get("message"));
        assertEquals(before, agents.count());

        Api.Reply update = api.put("admin", "/api/agents/N1", Map.of("name", "Li Na", "email", "n1@shop.test", "team", "North",
                "channels", List.of("chat"), "helpdeskId", "li.na@helpdesk"));
        assertEquals(422, update.status(), update.body());
        assertTrue(errors(update).get(0).get("message").toString().contains("agent A007"), update.body());
        assertNull(helpdeskIdOf("N1"));
    }

    @Test
    void aHelpdeskIdOfMoreThan100CharactersIsRefused() {
        Api.Reply r = api.post("admin", "/api/agents", agent("N74", "x".repeat(101)));
        assertEquals(422, r.status(), r.body());
        assertEquals("helpdeskId", errors(r).get(0).get("field"));
        assertEquals("The helpdesk user id may have at most 100 characters.", errors(r).get(0).get("message"));
        assertEquals(201, api.post("admin", "/api/agents", agent("N75", "y".repeat(100))).status(), "100 is fine");
    }

    // ---- form ------------------------------------------------------------------------------------

    @Test
    void theFormExplainsTheFieldAndKeepsWhatWasEntered() {
        Api.Reply created = form("admin", "/agents", Map.of("employeeNo", "N76", "name", "陈静", "email", "n76@shop.test",
                "helpdeskId", " chen.jing ", "team", "North", "channel_chat", "on", "status", "active"), "en");
        assertEquals(303, created.status(), created.body());
        assertEquals("chen.jing", helpdeskIdOf("N76"));

        Api.Reply edit = page("admin", "/agents/N76/edit");
        assertEquals(200, edit.status());
        assertTrue(edit.body().contains("name=\"helpdeskId\"") && edit.body().contains("value=\"chen.jing\""), edit.body());
        assertTrue(edit.body().contains("Helpdesk user id"), edit.body());
        assertTrue(edit.body().contains("so imports match the agent"), "the hint says what it is for");
        Api.Reply profile = page("admin", "/agents/N76");
        assertTrue(profile.body().contains("<dd>chen.jing</dd>"), "the agent's page shows it");

        Api.Reply cleared = form("admin", "/agents/N76", Map.of("name", "陈静", "email", "n76@shop.test", "helpdeskId", "",
                "team", "North", "channel_chat", "on", "status", "active"), "en");
        assertEquals(303, cleared.status(), cleared.body());
        assertNull(helpdeskIdOf("N76"));
    }

    @Test
    void theFormInChineseShowsTheChineseErrorAtTheField() {
        assertEquals(201, api.post("admin", "/api/agents", agent("A007", "wang.fang")).status());
        Api.Reply r = form("admin", "/agents/N2", Map.of("name", "王芳", "email", "n2@shop.test", "helpdeskId", "Wang.Fang",
                "team", "North", "channel_phone", "on", "status", "active"), "zh-CN,zh;q=0.9");
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("id=\"e-helpdeskId\""), "the error is at the field");
        assertTrue(r.body().contains("客服系统用户 ID Wang.Fang 已被客服 A007 使用。"), r.body());
        assertTrue(r.body().contains("value=\"Wang.Fang\""), "what was entered is kept");
        assertTrue(r.body().contains("以便导入时匹配到该客服"), "the hint in Chinese");
        assertNull(helpdeskIdOf("N2"));
    }

    // ---- CSV import and export -------------------------------------------------------------------

    @Test
    void theCsvImportReadsAnOptionalHelpdeskIdColumnAndReportsConflictsByLine() {
        Api.Reply r = importCsv("""
                employee_no,name,email,team,channels,helpdesk_id
                N80,New One,n80@shop.test,North,chat, zs@helpdesk\s
                N81,Copy,n81@shop.test,North,chat,ZS@HELPDESK
                N1,Li Na,n1@shop.test,North,chat;email,li.na
                N82,Long,n82@shop.test,North,chat,%s
                N83,None,n83@shop.test,North,chat,
                """.formatted("x".repeat(101)));
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of(5, 2, 1, 2), List.of(n(r.json().get("received")), n(r.json().get("inserted")),
                n(r.json().get("updated")), n(r.json().get("rejected"))), r.body());
        assertEquals(List.of(3, 5), errors(r).stream().map(e -> n(e.get("line"))).toList(), r.body());
        assertEquals("helpdesk_id: Helpdesk user id ZS@HELPDESK is already used by agent N80.", errors(r).get(0).get("message"));
        assertEquals("helpdesk_id: The helpdesk user id may have at most 100 characters.", errors(r).get(1).get("message"));
        assertEquals("zs@helpdesk", helpdeskIdOf("N80"));
        assertEquals("li.na", helpdeskIdOf("N1"));
        assertNull(helpdeskIdOf("N83"));
        assertTrue(agents.findByEmployeeNo("N81").isEmpty() && agents.findByEmployeeNo("N82").isEmpty());

        Api.Reply withoutColumn = importCsv("employee_no,name,email,team,channels\nN1,Li Na,n1@shop.test,North,chat;email\n");
        assertEquals(1, n(withoutColumn.json().get("unchanged")), withoutColumn.body());
        assertEquals("li.na", helpdeskIdOf("N1"), "without the column the agent keeps it");

        Api.Reply emptyCell = importCsv("employee_no,name,email,team,channels,helpdesk_id\nN1,Li Na,n1@shop.test,North,chat;email,\n");
        assertEquals(1, n(emptyCell.json().get("updated")), emptyCell.body());
        assertNull(helpdeskIdOf("N1"), "an empty cell clears it");
    }

    @Test
    void twoRowsOfOneFileCannotTakeTheSameHelpdeskId() {
        Api.Reply r = importCsv("employee_no,name,email,team,channels,helpdesk_id\n"
                + "N84,One,n84@shop.test,North,chat,same\n"
                + "N85,Two,n85@shop.test,North,chat,Same\n");
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of(3), errors(r).stream().map(e -> n(e.get("line"))).toList(), r.body());
        assertEquals("same", helpdeskIdOf("N84"));
    }

    @Test
    void theAgentListDownloadCarriesTheHelpdeskIdSoItImportsBack() {
        assertEquals(201, api.post("admin", "/api/agents", agent("N86", "n86.hd")).status());
        Api.Reply csv = api.exchange(api.browser("admin").on(HttpRequest.GET("/agents.csv?q=N86")));
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().contains("helpdesk_id\r\n") && csv.body().contains(",n86.hd\r\n"), csv.body());
        Api.Reply back = importCsv(csv.body().replace("\uFEFF", ""));
        assertEquals(1, n(back.json().get("unchanged")), back.body());
        assertFalse(back.body().contains("helpdesk_id:"), back.body());
    }

    private static int n(Object o) {
        return ((Number) o).intValue();
    }
}
