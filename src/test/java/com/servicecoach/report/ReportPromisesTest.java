package com.servicecoach.report;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HR report shows SLA by category and priority against their own targets, and handovers and reopens per owner. */
@MicronautTest(transactional = false)
class ReportPromisesTest extends HttpTest {

    static final String CSV = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,priority,owner,reopened\n"
            // a refund handled by N1, owned by N2, resolved after 30 h (chat: 24 h): N2's breach; reopened twice
            + "P-1,N1,chat,return_refund,2026-03-02T10:00:00,2026-03-02T10:00:30,2026-03-03T16:00:00,urgent,N2,2\n"
            + "P-2,N2,chat,return_refund,2026-03-02T11:00:00,2026-03-02T11:00:10,2026-03-02T12:00:00,,,\n"
            + "P-3,S1,chat,pre_sales,2026-03-03T11:00:00,2026-03-03T11:05:00,2026-03-03T12:00:00,low,,\n";

    @SuppressWarnings("unchecked")
    static Map<String, Object> sub(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportCarriesServicePromisesAndOwnership() {
        Api.Reply imported = api.send("admin", HttpRequest.POST("/api/interactions/import", CSV).contentType("text/csv"));
        assertEquals(200, imported.status(), imported.body());
        Map<String, Object> report = api.get("hr.lin", "/api/reports/performance?from=2026-03-01&to=2026-03-31").json();
        Map<String, Object> promises = sub(report, "promises");
        List<Map<String, Object>> byCategory = (List<Map<String, Object>>) promises.get("byCategory");
        assertEquals(List.of("return_refund", "pre_sales").stream().sorted().toList(),
                byCategory.stream().map(c -> (String) c.get("code")).sorted().toList());
        Map<String, Object> refunds = byCategory.stream().filter(c -> c.get("code").equals("return_refund")).findFirst().orElseThrow();
        assertEquals(2, ((Number) refunds.get("interactions")).intValue());
        assertEquals(1, ((Number) sub(refunds, "resolutionSla").get("breached")).intValue());
        List<Map<String, Object>> byPriority = (List<Map<String, Object>>) promises.get("byPriority");
        assertEquals(List.of("low", "normal", "urgent"), byPriority.stream().map(c -> (String) c.get("code")).toList());
        assertEquals(1, ((Number) sub(promises, "owners").get("handedOver")).intValue());

        Map<String, Map<String, Object>> agents = new java.util.HashMap<>();
        ((List<Map<String, Object>>) report.get("agents")).forEach(a -> agents.put((String) a.get("employeeNo"), a));
        assertEquals(1, ((Number) sub(agents.get("N1"), "owners").get("handedOver")).intValue());
        Map<String, Object> n2 = sub(agents.get("N2"), "owners");
        assertEquals(1, ((Number) n2.get("received")).intValue());
        assertEquals(2, ((Number) n2.get("resolved")).intValue());
        assertEquals("50.0", String.valueOf(n2.get("reopenRate")));
        Map<String, Object> north = ((List<Map<String, Object>>) report.get("teams")).stream()
                .filter(t -> t.get("team").equals("North")).findFirst().orElseThrow();
        assertEquals(1, ((Number) sub(north, "owners").get("received")).intValue(), "a handover within North: received by N2");
        assertEquals(1, ((Number) sub(north, "owners").get("handedOver")).intValue());

        String page = api.send("hr.lin", HttpRequest.GET("/reports/performance?from=2026-03-01&to=2026-03-31")
                .accept(MediaType.TEXT_HTML_TYPE)).body();
        assertTrue(page.contains("id=\"service-promises\"") && page.contains("id=\"promises-category\""), page);
    }
}
