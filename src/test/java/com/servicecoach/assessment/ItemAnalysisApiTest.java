package com.servicecoach.assessment;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.servicecoach.assessment.AttemptJson.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Item analysis over HTTP on the worked example of {@link ItemStatisticsTest}, taken as four real attempts. */
@MicronautTest(transactional = false)
class ItemAnalysisApiTest extends HttpTest {

    @Inject
    AssessmentFixtures modules;

    static final String BANK = """
            ::Q1::Statement one.{T}

            ::Q2::Statement two.{T}

            ::Q3::Statement three.{T}

            ::Q4::Statement four.{T}

            ::Q5::Statement five.{T}
            """;

    @SuppressWarnings("unchecked")
    Map<String, Object> row(Map<String, Object> analysis, String name) {
        return ((List<Map<String, Object>>) analysis.get("questions")).stream().filter(q -> q.get("name").equals(name))
                .findFirst().orElseThrow();
    }

    static BigDecimal dec(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    @Test
    void facilityDiscriminationFlagsAndChoicesOfEachQuestion() {
        modules.module("items", AssessmentFixtures.Settings.plain().shuffled(), BANK, null);
        for (double[] scores : ItemStatisticsTest.SCORES) {
            Map<String, Object> a = api.post("agent.north", "/api/assessments/items/attempts", Map.of()).json();
            for (int q = 0; q < 5; q++) {
                Map<String, Object> question = question(a, "Statement " + List.of("one", "two", "three", "four", "five").get(q));
                api.put("agent.north", "/api/attempts/" + attemptId(a) + "/answers/" + id(question), Map.of("answer", scores[q] == 1));
            }
            api.post("agent.north", "/api/attempts/" + attemptId(a) + "/submit", Map.of());
        }
        Api.Reply r = api.get("sup.north", "/api/assessments/items/item-analysis");
        assertEquals(200, r.status(), r.body());
        Map<String, Object> analysis = r.json();
        assertEquals(4, analysis.get("attempts"));

        Map<String, Object> q1 = row(analysis, "Q1");
        assertEquals(0, new BigDecimal("0.75").compareTo(dec(q1.get("facility"))));
        assertEquals(0, BigDecimal.ZERO.compareTo(dec(q1.get("discrimination"))));
        assertEquals(List.of(), q1.get("flags"));
        assertEquals(0, new BigDecimal("0.5774").compareTo(dec(row(analysis, "Q2").get("discrimination"))), "0.5 / sqrt(0.75)");
        Map<String, Object> q3 = row(analysis, "Q3");
        assertEquals(0, new BigDecimal("-0.3015").compareTo(dec(q3.get("discrimination"))), "-0.5 / sqrt(2.75)");
        assertEquals(List.of("negative_discrimination"), q3.get("flags"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> options = (List<Map<String, Object>>) q3.get("options");
        assertEquals(List.of(2, 2), options.stream().map(o -> o.get("chosen")).toList(), "true chosen twice, false twice");
        Map<String, Object> q4 = row(analysis, "Q4");
        assertEquals(List.of("too_easy"), q4.get("flags"));
        assertNull(q4.get("discrimination"));
        assertEquals(List.of("too_hard"), row(analysis, "Q5").get("flags"));

        assertEquals(4, api.get("hr.lin", "/api/assessments/items/item-analysis").json().get("attempts"));
        assertEquals(0, api.get("sup.south", "/api/assessments/items/item-analysis").json().get("attempts"),
                "supervisors analyse their own teams' attempts");
        assertEquals(0, api.get("admin", "/api/assessments/items/item-analysis?team=South").json().get("attempts"));
        assertEquals(403, api.get("agent.north", "/api/assessments/items/item-analysis").status());
        assertEquals(404, api.get("admin", "/api/assessments/nothing/item-analysis").status());
    }
}
