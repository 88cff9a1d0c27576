package com.servicecoach.agent;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AgentApiTest extends HttpTest {

    @Inject
    AgentRepository agents;



    @Test
    void createAnswers201WithTheAgentAsApiMdShowsIt() {
        Api.Reply r = api.post("admin", "/api/agents", Map.of("employeeNo", "N9", "name", "周婷", "email", "zhou.ting@shop.test",
                "helpdeskId", "zhou.ting", "team", "North", "channels", List.of("chat", "email"), "hiredOn", "2025-02-03"));
        assertEquals(201, r.status(), r.body());
        assertEquals(Map.of("employeeNo", "N9", "name", "周婷", "email", "zhou.ting@shop.test", "helpdeskId", "zhou.ting",
                "team", "North", "channels", List.of("chat", "email"), "hiredOn", "2025-02-03", "status", "active"), r.json());
    }

    @Test
    void invalidAgentIs422WithEveryFieldProblemAndNothingStored() {
        long before = agents.count();
        Api.Reply r = api.post("admin", "/api/agents", Map.of("employeeNo", "bad no!", "name", "", "email", "nope",
                "team", "Atlantis", "channels", List.of("fax"), "hiredOn", "2025-13-01", "status", "retired"));
        assertEquals(422, r.status());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
        List<String> fields = errors.stream().map(e -> (String) e.get("field")).toList();
        assertEquals(List.of("employeeNo", "name", "email", "team", "channels", "hiredOn", "status"), fields);
        assertTrue(errors.get(3).get("message").toString().contains("Atlantis"));
        assertEquals(before, agents.count());
    }

    @Test
    void duplicateEmployeeNumberIsRefused() {
        Api.Reply r = api.post("admin", "/api/agents", Map.of("employeeNo", "N1", "name", "Copy", "email", "c@shop.test",
                "team", "North", "channels", List.of("chat")));
        assertEquals(422, r.status());
        assertTrue(r.body().contains("already used"), r.body());
    }

    @Test
    void listFiltersSortsAndPages() {
        Api.Reply byTeam = api.get("hr.lin", "/api/agents?team=North&sort=name,desc");
        assertEquals(List.of("王芳", "Li Na"), byTeam.content().stream().map(a -> a.get("name")).toList());
        Api.Reply byChannel = api.get("hr.lin", "/api/agents?channel=chat");
        assertEquals(List.of("N1", "S1"), byChannel.content().stream().map(a -> a.get("employeeNo")).toList());
        Api.Reply search = api.get("hr.lin", "/api/agents?q=baker");
        assertEquals(List.of("S1"), search.content().stream().map(a -> a.get("employeeNo")).toList());
        Api.Reply page = api.get("hr.lin", "/api/agents?size=2&page=1");
        assertEquals(1, page.content().size());
        assertEquals(3, ((Number) page.json().get("totalElements")).intValue());
        assertEquals(400, api.get("hr.lin", "/api/agents?sort=salary,asc").status());
        Api.Reply none = api.get("hr.lin", "/api/agents?q=nobody-at-all");
        assertEquals(java.util.List.of(), none.json().get("content"), "an empty list is [], not left out");
    }

    @Test
    void agentListsOnlyThemselvesAndSupervisorOnlyTheirTeam() {
        assertEquals(List.of("N1"), api.get("agent.north", "/api/agents").content().stream().map(a -> a.get("employeeNo")).toList());
        assertEquals(List.of("N1", "N2"), api.get("sup.north", "/api/agents").content().stream().map(a -> a.get("employeeNo")).toList());
    }

    @Test
    void csvImportStoresGoodRowsAndReportsEachBadRowByLine() {
        String csv = """
                name,employee_no,team,email,channels,hired_on,status
                New One,N10,North,n10@shop.test,chat;email,2025-01-06,active
                Bad Email,N11,North,not-an-email,chat,,
                "Li Na",N1,North,n1@shop.test,chat;email,2024-03-01,on_leave
                Wrong Team,N12,Atlantis,n12@shop.test,chat,,
                Tom Baker,S1,South,s1@shop.test,chat,2024-03-01,active
                """;
        Api.Reply r = api.send("sup.north", HttpRequest.POST("/api/agents/import", csv).contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
        Map<String, Object> json = r.json();
        assertEquals(5, ((Number) json.get("received")).intValue());
        assertEquals(1, ((Number) json.get("inserted")).intValue());
        assertEquals(1, ((Number) json.get("updated")).intValue());
        assertEquals(3, ((Number) json.get("rejected")).intValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) json.get("errors");
        assertEquals(List.of(3, 5, 6), errors.stream().map(e -> ((Number) e.get("line")).intValue()).toList());
        assertTrue(errors.get(0).get("message").toString().startsWith("email:"), errors.toString());
        assertTrue(errors.get(2).get("message").toString().contains("do not lead"), errors.toString());
        assertEquals("on_leave", agents.findByEmployeeNo("N1").orElseThrow().status());
        assertTrue(agents.findByEmployeeNo("N11").isEmpty(), "a bad row stores nothing");
        assertEquals("Tom Baker", agents.findByEmployeeNo("S1").orElseThrow().name());
    }

    @Test
    void csvImportTwiceCountsUnchangedAndReadsGbk() {
        String csv = "employee_no,name,email,team,channels\nN20,陈静,chen.jing@shop.test,North,phone\n";
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));
        Api.Reply first = api.send("admin", HttpRequest.POST("/api/agents/import?charset=GBK", gbk).contentType("text/csv"));
        assertEquals(1, ((Number) first.json().get("inserted")).intValue(), first.body());
        assertEquals("陈静", agents.findByEmployeeNo("N20").orElseThrow().name());
        Api.Reply again = api.send("admin", HttpRequest.POST("/api/agents/import?charset=GBK", gbk).contentType("text/csv"));
        assertEquals(1, ((Number) again.json().get("unchanged")).intValue(), again.body());
    }

    @Test
    void csvWithoutARequiredColumnIsRejectedWhole() {
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/agents/import", "employee_no,name,team\nN30,X,North\n").contentType("text/csv"));
        assertEquals(422, r.status());
        assertTrue(r.body().contains("\"line\":1"), r.body());
        assertTrue(r.body().contains("email") && r.body().contains("channels"), r.body());
        assertTrue(agents.findByEmployeeNo("N30").isEmpty());
    }
}
