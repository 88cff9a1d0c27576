package com.servicecoach.interaction;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import's priority, owner and reopened columns (metrics.md "Targets per case type" and "Owners"): bad values
 * are line-numbered rejections, a re-import replaces them, and the figures follow the owner.
 */
@MicronautTest(transactional = false)
class CaseColumnsImportTest extends HttpTest {

    static final String HEADER = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,priority,owner,reopened";

    Map<String, Object> card(String user, String agent) {
        return api.get(user, "/api/scorecards/agents/" + agent + "?from=2026-03-01&to=2026-03-31").json();
    }

    @Test
    void badPriorityOwnerOrReopenedRejectTheirLineAndStoreNothingOfIt() {
        String csv = HEADER + "\n"
                + "C-1,N1,chat,complaint,2026-03-02T10:00:00,2026-03-02T10:00:30,2026-03-02T12:00:00,urgent,N2,1\n"
                + "C-2,N1,chat,complaint,2026-03-02T10:00:00,,,asap,,\n"
                + "C-3,N1,chat,complaint,2026-03-02T10:00:00,,,,X99,\n"
                + "C-4,N1,chat,complaint,2026-03-02T10:00:00,,,,,-1\n"
                + "C-5,N1,chat,complaint,2026-03-02T10:00:00,,,HIGH,,two\n";
        Api.Reply r = ImportHttp.post(api, "admin", csv);
        ImportHttp.assertCounts(r, 5, 1, 0, 0, 4);
        List<Map<String, Object>> errors = ImportHttp.errors(r);
        assertEquals(List.of(3L, 4L, 5L, 6L), errors.stream().map(e -> ImportHttp.n(e.get("line"))).toList());
        assertEquals("priority: 'asap' is not one of low, normal, high, urgent", errors.get(0).get("message"));
        assertEquals("owner: unknown employee number 'X99'", errors.get(1).get("message"));
        assertEquals("reopened: '-1' is not a count (a whole number from 0 to 10000)", errors.get(2).get("message"));
        assertEquals("reopened: 'two' is not a count (a whole number from 0 to 10000)", errors.get(3).get("message"),
                "HIGH is a priority (case-insensitive); two is not a count");

        Map<String, Object> row = api.get("admin", "/api/interactions?externalId=C-1").content().get(0);
        assertEquals("urgent", row.get("priority"));
        assertEquals("N2", row.get("owner"));
        assertEquals(true, row.get("handedOver"));
        assertEquals(1, ((Number) row.get("reopened")).intValue());
    }

    @Test
    void aSupervisorsImportNamesOnlyTheirOwnAgentsAsOwners() {
        String csv = HEADER + "\n"
                + "S-1,N1,chat,other,2026-03-02T10:00:00,,,,N2,\n"
                + "S-2,N1,chat,other,2026-03-02T10:00:00,,,,S1,\n";
        Api.Reply r = ImportHttp.post(api, "sup.north", csv);
        ImportHttp.assertCounts(r, 2, 1, 0, 0, 1);
        assertEquals("owner: 'S1' is not an agent of a team you lead", ImportHttp.errors(r).get(0).get("message"));
    }

    @Test
    void resolutionGoesToTheOwnerAndAReImportReplacesOwnerAndReopenCount() {
        String csv = HEADER + "\n"
                // handled by N1, owned by N2, resolved after 30 h (chat target 24 h): a breach of N2's
                + "H-1,N1,chat,return_refund,2026-03-02T10:00:00,2026-03-02T10:00:30,2026-03-03T16:00:00,,N2,2\n"
                + "H-2,N2,chat,return_refund,2026-03-02T11:00:00,2026-03-02T11:00:10,2026-03-02T12:00:00,,,\n";
        ImportHttp.assertCounts(ImportHttp.post(api, "admin", csv), 2, 2, 0, 0, 0);
        Map<String, Object> n1 = card("admin", "N1");
        Map<String, Object> n2 = card("admin", "N2");
        assertEquals(1, ((Number) n1.get("interactions")).intValue());
        assertEquals(1, ((Number) sla(n1, "firstResponseSla").get("met")).intValue(), "the first response is the handler's");
        assertEquals(0, ((Number) n1.get("resolved")).intValue(), "the resolution is not the handler's");
        assertEquals(2, ((Number) n2.get("resolved")).intValue());
        assertEquals(1, ((Number) sla(n2, "resolutionSla").get("breached")).intValue());
        assertEquals(1, api.get("admin", "/api/interactions?agent=N2&breached=resolution&from=2026-03-01&to=2026-03-31")
                .content().size(), "the resolution drill-down filters by owner");
        assertEquals(2, api.get("admin", "/api/interactions?agent=N2&from=2026-03-01&to=2026-03-31").content().size(),
                "an agent's interactions are those it handled or owns");
        assertEquals(1, api.get("admin", "/api/interactions?agent=N1&handover=given").content().size());
        assertEquals(1, api.get("admin", "/api/interactions?agent=N2&handover=received").content().size());
        assertEquals(0, api.get("admin", "/api/interactions?agent=N1&handover=received").content().size());

        // re-imported: owned by its handler again, reopened once (replaced, never added to)
        String again = HEADER + "\nH-1,N1,chat,return_refund,2026-03-02T10:00:00,2026-03-02T10:00:30,2026-03-03T16:00:00,,,1\n";
        ImportHttp.assertCounts(ImportHttp.post(api, "admin", again), 1, 0, 1, 0, 0);
        Map<String, Object> row = api.get("admin", "/api/interactions?externalId=H-1").content().get(0);
        assertEquals("N1", row.get("owner"));
        assertEquals(false, row.get("handedOver"));
        assertEquals(1, ((Number) row.get("reopened")).intValue());
        assertEquals(1, ((Number) card("admin", "N1").get("resolved")).intValue());
        assertEquals(1, ((Number) card("admin", "N2").get("resolved")).intValue());
        ImportHttp.assertCounts(ImportHttp.post(api, "admin", again), 1, 0, 0, 1, 0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> sla(Map<String, Object> card, String name) {
        return (Map<String, Object>) card.get(name);
    }
}
