package com.servicecoach.agent;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent CSV import reads files with CR line ends, and a hired_on before 1900 is refused. */
@MicronautTest(transactional = false)
class AgentImportHardeningTest extends HttpTest {

    @Inject
    AgentRepository agents;

    private Api.Reply importCsv(String csv) {
        return api.send("admin", HttpRequest.POST("/api/agents/import", csv).contentType("text/csv"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Api.Reply r) {
        return (List<Map<String, Object>>) r.json().get("errors");
    }

    private static int n(Object o) {
        return ((Number) o).intValue();
    }

    @Test
    void aFileWithCarriageReturnLineEndsImportsEveryRowWithItsLine() {
        Api.Reply r = importCsv("employee_no,name,email,team,channels,hired_on\r"
                + "N40,Cr One,n40@shop.test,North,chat,2025-01-06\r"
                + "\r"
                + "N41,Cr Two,not-an-email,North,chat,\r"
                + "N42,\"Cr\rThree\",n42@shop.test,North,phone,\r"
                + "N43,Cr Four,n43@shop.test,Atlantis,chat,\r");
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of(4, 2, 0, 2), List.of(n(r.json().get("received")), n(r.json().get("inserted")),
                n(r.json().get("updated")), n(r.json().get("rejected"))), r.body());
        assertEquals(List.of(4, 7), errors(r).stream().map(e -> n(e.get("line"))).toList(),
                "a blank line and the CR inside quotes still count as lines");
        assertEquals("Cr One", agents.findByEmployeeNo("N40").orElseThrow().name());
        assertEquals("Cr\rThree", agents.findByEmployeeNo("N42").orElseThrow().name(), "a CR inside quotes is data");
    }

    @Test
    void aHiredOnBefore1900IsRejectedWithItsLine() {
        Api.Reply r = importCsv("employee_no,name,email,team,channels,hired_on\n"
                + "N50,Early,n50@shop.test,North,chat,1899-12-31\n"
                + "N51,Typo,n51@shop.test,North,chat,0025-03-01\n"
                + "N52,Fine,n52@shop.test,North,chat,1900-01-01\n");
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of(2, 3), errors(r).stream().map(e -> n(e.get("line"))).toList(), r.body());
        assertEquals("hired_on: Hired on 1899-12-31 is before 1900: enter the real date (YYYY-MM-DD).",
                errors(r).get(0).get("message"));
        assertTrue(agents.findByEmployeeNo("N50").isEmpty() && agents.findByEmployeeNo("N51").isEmpty());
        assertEquals(LocalDate.of(1900, 1, 1), agents.findByEmployeeNo("N52").orElseThrow().hiredOn());
    }

    @Test
    void theFormAndTheApiRefuseAHiredOnBefore1900Too() {
        Api.Reply r = api.post("admin", "/api/agents", Map.of("employeeNo", "N53", "name", "Early", "email", "n53@shop.test",
                "team", "North", "channels", List.of("chat"), "hiredOn", "1850-06-01"));
        assertEquals(422, r.status(), r.body());
        assertEquals("hiredOn", errors(r).get(0).get("field"));
        assertTrue(agents.findByEmployeeNo("N53").isEmpty());
    }
}
