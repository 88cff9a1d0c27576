package com.servicecoach.scorecard;

import com.servicecoach.support.Api;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scorecard routes answer exactly api.md's JSON, with figures computed by hand below for a small fixture
 * imported through the API (metrics.md's definitions; default settings; organization zone Asia/Shanghai).
 */
@MicronautTest(transactional = false)
class ScorecardApiTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    Clock clock;

    Api api;

    static final String HEADER = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment";

    /*
     * The week Mon 2 - Sun 8 March 2026, times in Shanghai (+08:00). Evaluation instant: the end of the period,
     * 2026-03-09 00:00 Shanghai (now is later). Default targets: chat 60 s / 86400 s, phone 20 s / 86400 s,
     * social 3600 s / 172800 s, email 14400 / 57600 business seconds on Mon-Fri 09:00-18:00.
     *
     *  id  agent channel created            first response       FRT   FR SLA    resolved              res.   res. SLA  rating
     *  W1  N1    chat    Mon 2  10:00:00    10:00:45             45    met       10:20:00              1200   met       10
     *  W2  N1    chat    Tue 3  11:00:00    11:02:00             120   breached  11:30:00              1800   met        8
     *  W3  N1    phone   Tue 3  14:00:00    14:00:15             15    met       14:10:00.900          600    met       3/5 = 6
     *  W4  N1    email   Fri 6  17:30:00    Mon 9 09:30          3600  met       Mon 9 17:00           30600  met       2/5 = 4
     *  W5  N1    social  Wed 4  09:00:00    11:00:00             7200  breached  -                     -      breached  -
     *  W6  N1    chat    Sun 8  23:59:30    -                    -     pending   -                     -      pending   -
     *  W7  N1    email   Sat 7  10:00:00    -                    -     pending   -                     -      pending   -
     *  W8  N1    chat    Thu 5  08:00:00    08:00:30.500         30    met       Fri 6 09:00           90000  breached   1
     *  W9  N1    phone   Mon 2  12:00:00    -                    -     breached  12:05:00              300    met        9
     *  X1  N1    chat    Sun 1 March 23:59:59 (the day before the period: left out)
     *  X2  N1    chat    2026-03-08T16:00:00Z = Mon 9 00:00 in Shanghai (the day after: left out)
     *  T1  N2    chat    Tue 3  09:00:00    09:00:10             10    met       09:01:40              100    met        7
     *
     * W3: 600.9 s -> 600 (fractions dropped). W4: Fri 17:30-18:00 + Mon 09:00-09:30 = 3600 (a response after the
     * period counts); Fri 1800 + Mon 09:00-17:00 28800 = 30600. W5: unresolved, Wed 09:00 -> Mon 00:00 = 399600 s
     * > 172800. W6: 30 s to the evaluation instant <= 60: pending twice. W7: Sat 10:00 -> Mon 00:00 holds no
     * business hours: 0 s, pending twice. W8: 30.5 -> 30; 25 h = 90000 > 86400. W9: resolved but never answered:
     * unanswered for first response, 6.5 days > 20 s: breached.
     *
     * Agent N1: interactions 9, responded 6, resolved 6, rated 6.
     *   FRT 15, 30, 45, 120, 3600, 7200: median k = ceil(0.5 * 6) = 3 -> 45; p90 k = ceil(5.4) = 6 -> 7200.
     *   Resolution 300, 600, 1200, 1800, 30600, 90000: median 1200; p90 90000.
     *   FR SLA met 4 breached 3 pending 2: 4/7 = 57.142857 -> 57.1. Resolution met 5 breached 2 pending 2: 71.4.
     *   Ratings 10, 8, 6, 4, 1, 9: bands 2, 1, 1, 1, 1; CSAT 3/6 = 50.0; average 38/6 = 6.3333 -> 6.33.
     *   Wilson 3/6 (z = 1.959964): 18.7616 -> 18.8, 81.2384 -> 81.2. 6 < 10 ratings: insufficient.
     *   Composite without knowledge: (30 * 400/7 + 20 * 500/7 + 35 * 50) / 85 = 57.5630 -> 57.6;
     *   effective weights 30/85 = 35.29 -> 35.3, 20/85 = 23.53 -> 23.5, 35/85 = 41.18 -> 41.2.
     * Team North (N1 and N2): interactions 10, responded 7, resolved 7, rated 7.
     *   FRT 10, 15, 30, 45, 120, 3600, 7200: median k = ceil(3.5) = 4 -> 45; p90 k = ceil(6.3) = 7 -> 7200.
     *   Resolution 100, 300, 600, 1200, 1800, 30600, 90000: median 1200; p90 90000.
     *   FR SLA 5/8 = 62.5; resolution 6/8 = 75.0. Ratings + 7: bands 2, 2, 1, 1, 1; CSAT 4/7 = 57.142857 -> 57.1;
     *   average 45/7 = 6.428571 -> 6.43; Wilson 4/7: 25.0458 -> 25.0, 84.1780 -> 84.2.
     *   Composite (30 * 62.5 + 20 * 75 + 35 * 400/7) / 85 = 5375/85 = 63.2353 -> 63.2.
     */
    static final String FIXTURE = HEADER + "\n"
            + "W1,N1,chat,logistics,2026-03-02T10:00:00,2026-03-02T10:00:45,2026-03-02T10:20:00,10,,\n"
            + "W2,N1,chat,order_status,2026-03-03T11:00:00,2026-03-03T11:02:00,2026-03-03T11:30:00,8,,\n"
            + "W3,N1,phone,payment,2026-03-03T14:00:00,2026-03-03T14:00:15,2026-03-03T14:10:00.900,3,5,\n"
            + "W4,N1,email,return_refund,2026-03-06T17:30:00,2026-03-09T09:30:00,2026-03-09T17:00:00,2,5,slow\n"
            + "W5,N1,social,complaint,2026-03-04T09:00:00,2026-03-04T11:00:00,,,,\n"
            + "W6,N1,chat,pre_sales,2026-03-08T23:59:30,,,,,\n"
            + "W7,N1,email,other,2026-03-07T10:00:00,,,,,\n"
            + "W8,N1,chat,logistics,2026-03-05T08:00:00,2026-03-05T08:00:30.500,2026-03-06T09:00:00,1,,\n"
            + "W9,N1,phone,payment,2026-03-02T12:00:00,,2026-03-02T12:05:00,9,,\n"
            + "X1,N1,chat,logistics,2026-03-01T23:59:59,2026-03-02T00:00:10,,,,\n"
            + "X2,N1,chat,logistics,2026-03-08T16:00:00Z,,,,,\n"
            + "T1,N2,chat,logistics,2026-03-03T09:00:00,2026-03-03T09:00:10,2026-03-03T09:01:40,7,,\n"
            + "S1-1,S1,chat,logistics,2026-03-03T09:00:00,2026-03-03T09:00:10,,,,\n";

    static final String AGENT_N1 = "{\"from\":\"2026-03-02\",\"to\":\"2026-03-08\",\"interactions\":9,\"responded\":6,\"resolved\":6,"
            + "\"rated\":6,\"frtMedianSeconds\":45,\"frtP90Seconds\":7200,\"resolutionMedianSeconds\":1200,\"resolutionP90Seconds\":90000,"
            + "\"firstResponseSla\":{\"met\":4,\"breached\":3,\"pending\":2,\"percent\":57.1},"
            + "\"resolutionSla\":{\"met\":5,\"breached\":2,\"pending\":2,\"percent\":71.4},"
            + "\"csatPercent\":50.0,\"csatLow95\":18.8,\"csatHigh95\":81.2,\"averageRating\":6.33,"
            + "\"bands\":{\"verySatisfied\":2,\"satisfied\":1,\"neutral\":1,\"dissatisfied\":1,\"veryDissatisfied\":1},"
            + "\"insufficientRatings\":true,\"knowledgePercent\":null,"
            + "\"composite\":{\"score\":57.6,\"components\":[{\"name\":\"responsiveness\",\"value\":57.1,\"weight\":30,\"effectiveWeight\":35.3},"
            + "{\"name\":\"resolution\",\"value\":71.4,\"weight\":20,\"effectiveWeight\":23.5},"
            + "{\"name\":\"satisfaction\",\"value\":50.0,\"weight\":35,\"effectiveWeight\":41.2},"
            + "{\"name\":\"knowledge\",\"value\":null,\"weight\":15,\"effectiveWeight\":null}]},"
            + "\"settings\":{\"version\":0,\"hash\":\"HASH\"}}";

    static final String TEAM_NORTH = "{\"from\":\"2026-03-02\",\"to\":\"2026-03-08\",\"interactions\":10,\"responded\":7,\"resolved\":7,"
            + "\"rated\":7,\"frtMedianSeconds\":45,\"frtP90Seconds\":7200,\"resolutionMedianSeconds\":1200,\"resolutionP90Seconds\":90000,"
            + "\"firstResponseSla\":{\"met\":5,\"breached\":3,\"pending\":2,\"percent\":62.5},"
            + "\"resolutionSla\":{\"met\":6,\"breached\":2,\"pending\":2,\"percent\":75.0},"
            + "\"csatPercent\":57.1,\"csatLow95\":25.0,\"csatHigh95\":84.2,\"averageRating\":6.43,"
            + "\"bands\":{\"verySatisfied\":2,\"satisfied\":2,\"neutral\":1,\"dissatisfied\":1,\"veryDissatisfied\":1},"
            + "\"insufficientRatings\":true,\"knowledgePercent\":null,"
            + "\"composite\":{\"score\":63.2,\"components\":[{\"name\":\"responsiveness\",\"value\":62.5,\"weight\":30,\"effectiveWeight\":35.3},"
            + "{\"name\":\"resolution\",\"value\":75.0,\"weight\":20,\"effectiveWeight\":23.5},"
            + "{\"name\":\"satisfaction\",\"value\":57.1,\"weight\":35,\"effectiveWeight\":41.2},"
            + "{\"name\":\"knowledge\",\"value\":null,\"weight\":15,\"effectiveWeight\":null}]},"
            + "\"settings\":{\"version\":0,\"hash\":\"HASH\"}}";

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        api = new Api(http, mapper);
    }

    private void load(String csv) {
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/interactions/import", csv.getBytes(StandardCharsets.UTF_8))
                .contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
        assertEquals(0, ((Number) r.json().get("rejected")).intValue(), r.body());
    }

    private static String withoutHash(String body) {
        return body.replaceAll("\"hash\":\"[0-9a-f]{64}\"", "\"hash\":\"HASH\"");
    }

    @Test
    void fivePointRatingsImportedCountAsTwiceTheirValue() {
        // 5, 4 and 3 stars on the 5-point scale are stored as 10, 8 and 6: CSAT 2/3 = 66.666... -> 66.7; average 24/3 = 8.00
        load(HEADER + "\nFIVE-1,N1,chat,other,2026-03-02T10:00:00,,,5,5,\n"
                + "FIVE-2,N1,chat,other,2026-03-02T10:00:00,,,4,5,\n"
                + "FIVE-3,N1,chat,other,2026-03-02T10:00:00,,,3,5,\n");
        Map<String, Object> card = api.get("admin", "/api/scorecards/agents/N1?from=2026-03-02&to=2026-03-02").json();
        assertEquals(66.7, ((Number) card.get("csatPercent")).doubleValue());
        assertEquals(8.0, ((Number) card.get("averageRating")).doubleValue());
        assertEquals(Map.of("verySatisfied", 1, "satisfied", 1, "neutral", 1, "dissatisfied", 0, "veryDissatisfied", 0),
                card.get("bands"));
    }

    @Test
    void agentScorecardIsExactlyTheFiguresComputedByHand() {
        load(FIXTURE);
        Api.Reply r = api.get("admin", "/api/scorecards/agents/N1?from=2026-03-02&to=2026-03-08");
        assertEquals(200, r.status(), r.body());
        assertEquals(AGENT_N1, withoutHash(r.body()));
    }

    @Test
    void teamScorecardTakesAllInteractionsOfTheTeamsAgentsTogether() {
        load(FIXTURE);
        Api.Reply r = api.get("sup.north", "/api/scorecards/teams/North?from=2026-03-02&to=2026-03-08");
        assertEquals(200, r.status(), r.body());
        assertEquals(TEAM_NORTH, withoutHash(r.body()));
    }

    @Test
    void aLargeTeamIsReadInPartsThatAddUpToTheWholeTeam() {
        var team = fixtures.team("Big", "sup.north");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 11; i++) {
            fixtures.agent("BIG" + i, "Big " + i, team, "chat");
            for (int k = 0; k < i; k++) {
                // agent i: i contacts, answered after i seconds; rated 9 by the odd agents, 3 by the even ones
                csv.append("BIG-").append(i).append('-').append(k).append(",BIG").append(i).append(",chat,other,2026-03-03T10:00:0")
                        .append(k % 10).append(",2026-03-03T10:01:").append(String.format("%02d", i)).append(",,")
                        .append(i % 2 == 1 ? 9 : 3).append(",,\n");
            }
        }
        load(csv.toString());
        Map<String, Object> json = api.get("sup.north", "/api/scorecards/teams/Big?from=2026-03-03&to=2026-03-03").json();
        // 1 + 2 + ... + 11 = 66 contacts; odd agents 1+3+5+7+9+11 = 36 rated 9, even ones 30 rated 3: CSAT 36/66 = 54.5
        assertEquals(66, ((Number) json.get("interactions")).intValue());
        assertEquals(66, ((Number) json.get("rated")).intValue());
        assertEquals(54.5, ((Number) json.get("csatPercent")).doubleValue());
    }

    @Test
    void aPeriodWithoutInteractionsHasEveryKeyWithNullsNotZeros() {
        Api.Reply r = api.get("agent.north", "/api/scorecards/agents/N1?from=2026-01-01&to=2026-01-31");
        assertEquals(200, r.status(), r.body());
        assertEquals("{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\",\"interactions\":0,\"responded\":0,\"resolved\":0,\"rated\":0,"
                + "\"frtMedianSeconds\":null,\"frtP90Seconds\":null,\"resolutionMedianSeconds\":null,\"resolutionP90Seconds\":null,"
                + "\"firstResponseSla\":{\"met\":0,\"breached\":0,\"pending\":0,\"percent\":null},"
                + "\"resolutionSla\":{\"met\":0,\"breached\":0,\"pending\":0,\"percent\":null},"
                + "\"csatPercent\":null,\"csatLow95\":null,\"csatHigh95\":null,\"averageRating\":null,"
                + "\"bands\":{\"verySatisfied\":0,\"satisfied\":0,\"neutral\":0,\"dissatisfied\":0,\"veryDissatisfied\":0},"
                + "\"insufficientRatings\":true,\"knowledgePercent\":null,"
                + "\"composite\":{\"score\":null,\"components\":[{\"name\":\"responsiveness\",\"value\":null,\"weight\":30,\"effectiveWeight\":null},"
                + "{\"name\":\"resolution\",\"value\":null,\"weight\":20,\"effectiveWeight\":null},"
                + "{\"name\":\"satisfaction\",\"value\":null,\"weight\":35,\"effectiveWeight\":null},"
                + "{\"name\":\"knowledge\",\"value\":null,\"weight\":15,\"effectiveWeight\":null}]},"
                + "\"settings\":{\"version\":0,\"hash\":\"HASH\"}}", withoutHash(r.body()));
    }

    @Test
    void unansweredContactsAreEvaluatedNowWhenThePeriodHasNotEndedYet() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
        // 5 s without a response is within chat's 60 s (pending); 10 min is past it (breached) - both judged now,
        // not at the end of the period, which is still to come
        load(HEADER + "\n"
                + "E-1,N1,chat,other," + now.minusSeconds(5) + ",,,,,\n"
                + "E-2,N1,chat,other," + now.minusSeconds(600) + ",,,,,\n");
        String period = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(7);
        Map<String, Object> json = api.get("agent.north", "/api/scorecards/agents/N1" + period).json();
        assertEquals(Map.of("met", 0, "breached", 1, "pending", 1, "percent", 0.0), numbers(json.get("firstResponseSla")));
        assertEquals(Map.of("met", 0, "breached", 0, "pending", 2), withoutPercent(json.get("resolutionSla")));
        assertEquals(null, ((Map<?, ?>) json.get("resolutionSla")).get("percent"));
        // the list's breached filter agrees with the scorecard
        assertEquals(1L, ((Number) api.get("agent.north", "/api/interactions" + period + "&breached=first_response")
                .json().get("totalElements")).longValue());
    }

    @Test
    void emailIsMeasuredOnItsBusinessCalendarWithHolidaysFromTheSettings() {
        // Fri 6 March 17:00 -> Tue 10 March 10:00: Fri 3600 + Mon 32400 + Tue 3600 = 39600 s > 14400: breached
        load(HEADER + "\nB-1,N1,email,other,2026-03-06T17:00:00,2026-03-10T10:00:00,,,,\n");
        String path = "/api/scorecards/agents/N1?from=2026-03-06&to=2026-03-06";
        Map<String, Object> before = api.get("admin", path).json();
        assertEquals(39600, ((Number) before.get("frtMedianSeconds")).intValue());
        assertEquals(Map.of("met", 0, "breached", 1, "pending", 0, "percent", 0.0), numbers(before.get("firstResponseSla")));

        // with Monday 9 March a holiday: Fri 3600 + Tue 3600 = 7200 s <= 14400: met
        Map<String, Object> settings = api.get("admin", "/api/settings").json();
        String body = SettingsApiTest.withEmailHoliday(mapper, settings, "2026-03-09");
        Api.Reply saved = api.put("admin", "/api/settings", body);
        assertEquals(200, saved.status(), saved.body());
        Map<String, Object> after = api.get("admin", path).json();
        assertEquals(7200, ((Number) after.get("frtMedianSeconds")).intValue());
        assertEquals(Map.of("met", 1, "breached", 0, "pending", 0, "percent", 100.0), numbers(after.get("firstResponseSla")));
        assertEquals(1, ((Number) ((Map<?, ?>) after.get("settings")).get("version")).intValue(),
                "the scorecard records the settings it used");
    }

    @Test
    void minRatedAndWeightsComeFromTheSettings() {
        load(FIXTURE);
        Map<String, Object> settings = api.get("admin", "/api/settings").json();
        String body = SettingsApiTest.replace(mapper, settings, Map.of("minRated", 6,
                "weights", Map.of("responsiveness", 0, "resolution", 0, "satisfaction", 1, "knowledge", 1)));
        assertEquals(200, api.put("admin", "/api/settings", body).status());
        Map<String, Object> json = api.get("admin", "/api/scorecards/agents/N1?from=2026-03-02&to=2026-03-08").json();
        assertEquals(false, json.get("insufficientRatings"), "6 ratings meet a minimum of 6");
        Map<?, ?> composite = (Map<?, ?>) json.get("composite");
        assertEquals(50.0, ((Number) composite.get("score")).doubleValue(), "only satisfaction has data and weight");
        assertTrue(api.get("admin", "/api/scorecards/agents/N1?from=2026-03-02&to=2026-03-08").body()
                .contains("{\"name\":\"satisfaction\",\"value\":50.0,\"weight\":1,\"effectiveWeight\":100.0}"));
    }

    @Test
    void missingOrMalformedDatesAreBadRequests() {
        for (String query : new String[]{"", "?from=2026-03-01", "?to=2026-03-01", "?from=2026-3-1&to=2026-03-31",
                "?from=2026-03-01&to=2026-02-30", "?from=2026-03-31&to=2026-03-01", "?from=yesterday&to=2026-03-01"}) {
            assertEquals(400, api.get("admin", "/api/scorecards/agents/N1" + query).status(), query);
            assertEquals(400, api.get("admin", "/api/scorecards/teams/North" + query).status(), query);
        }
    }

    @Test
    void eachRoleSeesOnlyTheScorecardsApiMdAllows() {
        String q = "?from=2026-03-02&to=2026-03-08";
        assertEquals(200, api.get("agent.north", "/api/scorecards/agents/N1" + q).status());
        assertEquals(404, api.get("agent.north", "/api/scorecards/agents/N2" + q).status());
        assertEquals(404, api.get("agent.north", "/api/scorecards/agents/S1" + q).status());
        assertEquals(403, api.get("agent.north", "/api/scorecards/teams/North" + q).status());
        assertEquals(200, api.get("sup.north", "/api/scorecards/agents/N2" + q).status());
        assertEquals(404, api.get("sup.north", "/api/scorecards/agents/S1" + q).status());
        assertEquals(404, api.get("sup.north", "/api/scorecards/teams/South" + q).status());
        assertEquals(200, api.get("hr.lin", "/api/scorecards/teams/South" + q).status());
        assertEquals(200, api.get("hr.lin", "/api/scorecards/agents/S1" + q).status());
        assertEquals(404, api.get("admin", "/api/scorecards/agents/NOPE" + q).status());
        assertEquals(404, api.get("admin", "/api/scorecards/teams/Nowhere" + q).status());
        assertEquals(401, api.get(null, "/api/scorecards/agents/N1" + q).status());
    }

    private static Map<String, Object> numbers(Object sla) {
        Map<String, Object> out = new java.util.HashMap<>();
        ((Map<?, ?>) sla).forEach((k, v) -> out.put((String) k, k.equals("percent") ? (Object) ((Number) v).doubleValue()
                : (Object) ((Number) v).intValue()));
        return out;
    }

    private static Map<String, Object> withoutPercent(Object sla) {
        Map<String, Object> out = new java.util.HashMap<>();
        ((Map<?, ?>) sla).forEach((k, v) -> {
            if (!k.equals("percent")) {
                out.put((String) k, ((Number) v).intValue());
            }
        });
        return out;
    }
}
