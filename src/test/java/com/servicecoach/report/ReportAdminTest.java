package com.servicecoach.report;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.report.audit.AuditEntry;
import com.servicecoach.report.audit.ReportAudit;
import com.servicecoach.report.building.ReportPeriod;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ReportAdminTest extends HttpTest {

    @Inject
    ReportAudit audit;

    @Test
    void hrSetsThresholdsAndNobodyButHrAndAdminsMay() {
        Api.Reply r = api.put("hr.lin", "/api/reports/thresholds", Map.of("csatMin", "75", "firstResponseMin", "", "resolutionMin", "85.5", "knowledgeMin", "60"));
        assertEquals(200, r.status(), r.body());
        assertEquals(75.0, ((Number) r.json().get("csatMin")).doubleValue());
        assertEquals(null, r.json().get("firstResponseMin"), "empty = not checked");
        assertEquals("hr.lin", r.json().get("updatedBy"));
        assertEquals(403, api.put("sup.north", "/api/reports/thresholds", Map.of("csatMin", "10")).status());
        assertEquals(403, api.put("agent.north", "/api/reports/thresholds", Map.of("csatMin", "10")).status());
        assertEquals(75.0, ((Number) api.get("sup.north", "/api/reports/thresholds").json().get("csatMin")).doubleValue(), "supervisors read them");
        assertEquals(403, api.get("agent.north", "/api/reports/thresholds").status());
    }

    @Test
    void thresholdOutsideZeroToHundredIsRefusedAndNothingChanges() {
        Api.Reply r = api.put("admin", "/api/reports/thresholds", Map.of("csatMin", "101", "firstResponseMin", "80",
                "resolutionMin", "", "knowledgeMin", "abc"));
        assertEquals(422, r.status());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
        assertEquals(List.of("csatMin", "knowledgeMin"), errors.stream().map(e -> e.get("field")).toList());
        assertEquals(70.0, ((Number) api.get("admin", "/api/reports/thresholds").json().get("csatMin")).doubleValue());
    }

    @Test
    void auditRecordIsListedAndFilteredForAdministratorsOnly() {
        Viewer hr = new Viewer("hr.lin", Role.HR, null);
        audit.record(hr, AuditEntry.VIEW, "html", ReportPeriod.parse("2026-03"), null);
        audit.record(hr, AuditEntry.EXPORT, "pdf", ReportPeriod.parse("2026-03"), "North");
        audit.record(new Viewer("sup.north", Role.SUPERVISOR, null), AuditEntry.EXPORT, "csv", ReportPeriod.parse("2026-Q1"), "North");

        Api.Reply all = api.get("admin", "/api/reports/audit");
        assertEquals(3, ((Number) all.json().get("totalElements")).intValue());
        assertEquals("csv", all.content().get(0).get("format"), "newest first");
        Api.Reply hrOnly = api.get("admin", "/api/reports/audit?user=hr.lin&format=pdf");
        assertEquals(1, hrOnly.content().size());
        assertEquals("North", hrOnly.content().get(0).get("team"));
        assertEquals("2026-03-01", hrOnly.content().get(0).get("periodFrom"));
        assertEquals(403, api.get("hr.lin", "/api/reports/audit").status());
        assertEquals(400, api.get("admin", "/api/reports/audit?from=yesterday").status());
        assertTrue(api.get("admin", "/api/reports/audit?format=doc").status() == 400);
    }
}
