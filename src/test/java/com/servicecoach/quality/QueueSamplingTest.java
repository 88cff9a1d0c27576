package com.servicecoach.quality;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review queue's sampling rules: per agent and week, the targeted conversations first (the most reasons first) up
 * to their count, then random ones up to theirs; only conversations with a transcript, none sampled twice, and
 * sampling again only tops the week up.
 */
@MicronautTest(transactional = false)
class QueueSamplingTest extends HttpTest {

    static final String HEADER = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,transcript";

    /** A contact of the week of Monday 2026-03-02 answered in 20 s and resolved in 10 minutes, rated 9 unless given. */
    static String fine(String id, String agent, String day, String category, String rating) {
        return id + "," + agent + ",chat," + category + "," + day + "T09:00:00," + day + "T09:00:20," + day + "T09:10:00," + rating
                + ",10,\"customer: hello\nagent: hi\"\n";
    }

    void importWeek() {
        String csv = HEADER + "\n"
                + fine("F-1", "N1", "2026-03-02", "logistics", "9")
                + fine("F-2", "N1", "2026-03-03", "logistics", "9")
                + fine("F-3", "N1", "2026-03-04", "logistics", "")
                + fine("LOW", "N1", "2026-03-05", "logistics", "3")            // rated below 7
                + fine("CMP", "N1", "2026-03-05", "complaint", "9")            // complaint
                + fine("BOTH", "N1", "2026-03-06", "complaint", "2")           // complaint and rated below 7: two reasons
                + "LATE,N1,chat,logistics,2026-03-07T09:00:00,2026-03-07T09:05:00,2026-03-07T09:10:00,9,10,\"customer: hi\"\n" // 5 min > 60 s
                + "NOTX,N1,chat,logistics,2026-03-04T09:00:00,2026-03-04T09:00:10,2026-03-04T09:01:00,1,10,\n" // no transcript
                + fine("NEXT", "N1", "2026-03-09", "complaint", "1")           // the next week
                + fine("N2-1", "N2", "2026-03-03", "logistics", "9")
                + fine("S1-1", "S1", "2026-03-03", "complaint", "1");
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv"));
        assertEquals(11L, ((Number) r.json().get("inserted")).longValue(), r.body());
    }

    Map<String, List<String>> queued(String user) {
        Map<String, List<String>> out = new HashMap<>();
        for (Map<String, Object> q : api.get(user, "/api/quality/queue?size=200&state=").content()) {
            String ext = externalId(((Number) q.get("interactionId")).longValue());
            @SuppressWarnings("unchecked")
            List<String> reasons = (List<String>) q.get("reasons");
            assertTrue(out.put(ext, reasons) == null, "sampled twice: " + ext);
        }
        return out;
    }

    String externalId(long id) {
        @SuppressWarnings("unchecked")
        Map<String, Object> i = (Map<String, Object>) api.get("admin", "/api/interactions/" + id).json().get("interaction");
        return (String) i.get("externalId");
    }

    Map<String, Object> sample(String user) {
        Api.Reply r = api.post(user, "/api/quality/queue/sample", Map.of("week", "2026-03-04"));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void targetedFirstThenRandomPerAgentAndWeekOnlyWithATranscriptAndNeverTwice() {
        importWeek();
        Map<String, Object> first = sample("sup.north");
        assertEquals("2026-03-02", first.get("week"), "any day names its week, Monday to Sunday");
        assertEquals(3, ((Number) first.get("targeted")).intValue(), "N1's three targeted of four (the default allows 3)");
        Map<String, List<String>> q = queued("sup.north");
        assertEquals(List.of("low_rating", "complaint"), q.get("BOTH"), "the most reasons first");
        // of LOW, CMP and LATE (one reason each) the oldest two are taken; LATE goes to the random draw
        assertEquals(List.of("low_rating"), q.get("LOW"));
        assertEquals(List.of("complaint"), q.get("CMP"));
        long n1Random = q.values().stream().filter(r -> r.equals(List.of("random"))).count();
        assertEquals(3, n1Random, "two random of N1 and N2's one");
        assertTrue(q.containsKey("N2-1"));
        Set<String> n1Random2 = new HashSet<>(q.keySet());
        n1Random2.removeAll(Set.of("BOTH", "LOW", "CMP", "N2-1"));
        assertEquals(2, n1Random2.size());
        assertTrue(Set.of("F-1", "F-2", "F-3", "LATE").containsAll(n1Random2), n1Random2.toString());
        assertFalse(q.containsKey("NOTX"), "no transcript, not sampled");
        assertFalse(q.containsKey("NEXT"), "another week");
        assertFalse(q.containsKey("S1-1"), "another team");
        assertEquals(0, api.get("sup.south", "/api/quality/queue?state=").content().size(), "South was not sampled by North");

        Map<String, Object> again = sample("sup.north");
        assertEquals(0, ((Number) again.get("random")).intValue() + ((Number) again.get("targeted")).intValue(), "the week is full");

        // more random ones per week: the week is topped up from what is left, never taking a conversation again
        assertEquals(200, api.put("admin", "/api/quality/sampling", Map.of("randomPerWeek", 5, "targetedPerWeek", 3, "lowRating", true,
                "slaBreached", true, "complaint", true, "surveyRemark", true)).status());
        Map<String, Object> more = sample("admin");
        assertEquals(2, ((Number) more.get("random")).intValue(), "N1's two left of F-1..F-3 and LATE");
        assertEquals(1, ((Number) more.get("targeted")).intValue(), "S1-1, a complaint rated 1, once the administrator samples every team");
        Map<String, List<String>> all = queued("admin");
        assertEquals(9, all.size());
        assertFalse(all.containsKey("NOTX"));
    }

    @Test
    void aSurveyRemarkAndABreachedSlaTargetAConversation() throws SQLException {
        importWeek();
        long f1 = ((Number) api.get("admin", "/api/interactions?externalId=F-1").content().get(0).get("id")).longValue();
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var ps = c.prepareStatement("insert into survey (interaction_id, agent_id, channel, category, created_at, remark, complete,"
                     + " updated_at) select id, agent_id, channel, category, created_at, 'Slow but polite', true, created_at from interaction where id = ?")) {
            ps.setLong(1, f1);
            ps.executeUpdate();
        }
        assertEquals(200, api.put("admin", "/api/quality/sampling", Map.of("randomPerWeek", 0, "targetedPerWeek", 10, "lowRating", false,
                "slaBreached", true, "complaint", false, "surveyRemark", true)).status());
        sample("sup.north");
        Map<String, List<String>> q = queued("sup.north");
        assertEquals(Map.of("F-1", List.of("survey_remark"), "LATE", List.of("sla_breached")), q);

        assertEquals(422, api.put("admin", "/api/quality/sampling", Map.of("randomPerWeek", 21, "targetedPerWeek", -1)).status());
        assertEquals(0, ((Number) api.get("admin", "/api/quality/sampling").json().get("randomPerWeek")).intValue(), "nothing stored");
        assertEquals(403, api.put("sup.north", "/api/quality/sampling", Map.of("randomPerWeek", 1, "targetedPerWeek", 1)).status());
    }

    @Test
    void aSkippedConversationLeavesTheQueueUntilPutBack() {
        importWeek();
        sample("sup.north");
        long low = ((Number) api.get("admin", "/api/interactions?externalId=LOW").content().get(0).get("id")).longValue();
        assertEquals(204, api.put("sup.north", "/api/quality/queue/" + low, Map.of("state", "skipped")).status());
        assertEquals(5, api.get("sup.north", "/api/quality/queue?state=open").content().size());
        assertEquals(1, api.get("sup.north", "/api/quality/queue?state=skipped").content().size());
        assertEquals(404, api.put("sup.south", "/api/quality/queue/" + low, Map.of("state", "open")).status());
        assertEquals(204, api.put("sup.north", "/api/quality/queue/" + low, Map.of("state", "open")).status());
        assertEquals(6, api.get("sup.north", "/api/quality/queue?state=open&reason=").content().size());
        assertEquals(2, api.get("sup.north", "/api/quality/queue?reason=complaint").content().size());
    }
}
