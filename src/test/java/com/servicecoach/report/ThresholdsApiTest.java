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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PUT /api/reports/thresholds names every threshold (null = not checked); {} or a misspelt field changes nothing. */
@MicronautTest(transactional = false)
class ThresholdsApiTest extends HttpTest {

    private Api.Reply put(String json) {
        return api.send("hr.lin", HttpRequest.PUT("/api/reports/thresholds", json).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private Map<String, Object> current() {
        return api.get("hr.lin", "/api/reports/thresholds").json();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Api.Reply r) {
        return (List<Map<String, Object>>) r.json().get("errors");
    }

    private static double d(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void anEmptyBodyIs422NamingEveryThresholdAndClearsNothing() {
        Api.Reply r = put("{}");
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("csatMin", "firstResponseMin", "resolutionMin", "knowledgeMin"),
                errors(r).stream().map(e -> e.get("field")).toList());
        assertEquals("csatMin is required: a percentage, or null for not checked.", errors(r).get(0).get("message"));
        Map<String, Object> now = current();
        assertEquals(List.of(70.0, 80.0, 80.0, 60.0), List.of(d(now.get("csatMin")), d(now.get("firstResponseMin")),
                d(now.get("resolutionMin")), d(now.get("knowledgeMin"))), "the defaults are still in force");
    }

    @Test
    void aMissingThresholdIs422AndNullMeansNotChecked() {
        Api.Reply partial = put("{\"csatMin\": 75, \"firstResponseMin\": null, \"resolutionMin\": \"85.5\"}");
        assertEquals(422, partial.status(), partial.body());
        assertEquals(List.of("knowledgeMin"), errors(partial).stream().map(e -> e.get("field")).toList());
        assertEquals(70.0, d(current().get("csatMin")), "nothing changed");

        Api.Reply full = put("{\"csatMin\": 75, \"firstResponseMin\": null, \"resolutionMin\": \"85.5\", \"knowledgeMin\": 60.5}");
        assertEquals(200, full.status(), full.body());
        assertEquals(75.0, d(full.json().get("csatMin")));
        assertNull(full.json().get("firstResponseMin"), "null = not checked");
        assertEquals(85.5, d(full.json().get("resolutionMin")));
        assertEquals(60.5, d(full.json().get("knowledgeMin")));
    }

    @Test
    void anUnknownFieldIs422NamingItAndChangesNothing() {
        Api.Reply r = put("{\"csatMin\": 75, \"firstResponseMin\": 80, \"resolutionMin\": 80, \"knowledgeMin\": 60, \"csatMn\": 10}");
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("csatMn"), errors(r).stream().map(e -> e.get("field")).toList());
        assertEquals("Unknown field csatMn: the thresholds are csatMin, firstResponseMin, resolutionMin, knowledgeMin, bottomPercent, belowTeamPoints.",
                errors(r).get(0).get("message"));
        assertEquals(70.0, d(current().get("csatMin")));
    }

    @Test
    void aValueOfTheWrongKindIs422() {
        Api.Reply r = put("{\"csatMin\": true, \"firstResponseMin\": [80], \"resolutionMin\": 80, \"knowledgeMin\": 60}");
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("csatMin", "firstResponseMin"), errors(r).stream().map(e -> e.get("field")).toList());
        assertTrue(errors(r).get(0).get("message").toString().contains("must be a number"), r.body());
    }

    @Test
    void onlyHrAndAdministratorsMaySendEvenAnEmptyBody() {
        assertEquals(403, api.send("sup.north", HttpRequest.PUT("/api/reports/thresholds", "{}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)).status());
    }

    @Test
    void theRelativeFlagsMayBeLeftOutAndThenStayAsTheyAre() {
        String fixed = "\"csatMin\": 70, \"firstResponseMin\": 80, \"resolutionMin\": 80, \"knowledgeMin\": 60";
        Api.Reply set = put("{" + fixed + ", \"bottomPercent\": 10, \"belowTeamPoints\": \"12.5\"}");
        assertEquals(200, set.status(), set.body());
        assertEquals(10.0, d(set.json().get("bottomPercent")));
        assertEquals(12.5, d(set.json().get("belowTeamPoints")));
        Api.Reply kept = put("{" + fixed + "}");
        assertEquals(200, kept.status(), kept.body());
        assertEquals(10.0, d(kept.json().get("bottomPercent")), "left out: unchanged");
        Api.Reply off = put("{" + fixed + ", \"bottomPercent\": null}");
        assertNull(off.json().get("bottomPercent"), "null: not checked");
        assertEquals(12.5, d(off.json().get("belowTeamPoints")));
    }

    @Test
    void aRelativeFlagOutOfItsRangeIs422AndChangesNothing() {
        String fixed = "\"csatMin\": 75, \"firstResponseMin\": 80, \"resolutionMin\": 80, \"knowledgeMin\": 60";
        Api.Reply r = put("{" + fixed + ", \"bottomPercent\": 0, \"belowTeamPoints\": 101}");
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("bottomPercent", "belowTeamPoints"), errors(r).stream().map(e -> e.get("field")).toList());
        assertEquals("0.0 is not a number above 0 and at most 50, with at most one decimal.", errors(r).get(0).get("message"));
        assertEquals(70.0, d(current().get("csatMin")), "nothing changed");
    }
}
