package com.servicecoach.scorecard;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scorecard page reads each figure against its target (HR's thresholds: green met, red below), the team's
 * figure and the previous period's; the default period is the last 30 days.
 */
@MicronautTest(transactional = false)
class ScorecardContextTest extends HttpTest {

    static final String HEADER = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n";

    Api.Reply page(String user, String path) {
        return api.exchange(api.browser(user).on(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE)));
    }

    static String figure(String body, String id) {
        int at = body.indexOf("id=\"fig-" + id + "\"");
        int start = body.lastIndexOf("<div", at);
        return body.substring(start, body.indexOf("<details", at));
    }

    @Test
    void eachFigureIsShownAgainstItsTargetTheTeamAndThePreviousPeriod() {
        String csv = HEADER
                // March: N1 answers 3 of 4 within the chat target of 60 s, N2 all 4: N1 75 %, the team 7 of 8 = 87.5 %
                + "C-1,N1,chat,logistics,2026-03-02T10:00:00,2026-03-02T10:00:30,2026-03-02T11:00:00,9,10,\n"
                + "C-2,N1,chat,logistics,2026-03-03T10:00:00,2026-03-03T10:00:30,2026-03-03T11:00:00,9,10,\n"
                + "C-3,N1,chat,logistics,2026-03-04T10:00:00,2026-03-04T10:00:30,2026-03-04T11:00:00,9,10,\n"
                + "C-4,N1,chat,logistics,2026-03-05T10:00:00,2026-03-05T10:05:00,2026-03-05T11:00:00,9,10,\n"
                + "C-5,N2,chat,logistics,2026-03-02T10:00:00,2026-03-02T10:00:30,2026-03-02T11:00:00,9,10,\n"
                + "C-6,N2,chat,logistics,2026-03-03T10:00:00,2026-03-03T10:00:30,2026-03-03T11:00:00,9,10,\n"
                + "C-7,N2,chat,logistics,2026-03-04T10:00:00,2026-03-04T10:00:30,2026-03-04T11:00:00,9,10,\n"
                + "C-8,N2,chat,logistics,2026-03-05T10:00:00,2026-03-05T10:00:30,2026-03-05T11:00:00,9,10,\n"
                // the 31 days before March (29 January to 28 February): N1 answered in time
                + "C-9,N1,chat,logistics,2026-02-10T10:00:00,2026-02-10T10:00:30,2026-02-10T11:00:00,9,10,\n";
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv")).status());

        String body = page("sup.north", "/scorecards/agents/N1?from=2026-03-01&to=2026-03-31").body();
        String frt = figure(body, "firstResponseSla");
        assertTrue(frt.contains("class=\"figure misses\""), "75 % is below the default target of 80 %: " + frt);
        assertTrue(frt.contains("target 80.0 %") && frt.contains("team 87.5 %") && frt.contains("previous period 100.0 %"), frt);
        String resolution = figure(body, "resolutionSla");
        assertTrue(resolution.contains("class=\"figure meets\"") && resolution.contains("team 100.0 %"), resolution);
        assertTrue(body.contains("previous period&#39;s (2026-01-29 to 2026-02-28)") || body.contains("previous period's (2026-01-29 to 2026-02-28)"), "the previous period named");
        assertTrue(figure(body, "csat").contains("target 70.0 %") || body.contains("id=\"insufficient\""), "CSAT is checked only with enough ratings");

        String team = page("sup.north", "/scorecards/teams/North?from=2026-03-01&to=2026-03-31").body();
        String teamFrt = figure(team, "firstResponseSla");
        assertTrue(teamFrt.contains("class=\"figure meets\"") && teamFrt.contains("previous period 100.0 %"), teamFrt);
        assertTrue(!teamFrt.contains("team "), "a team is not compared with itself");
    }

    @Test
    void theDefaultPeriodIsTheLast30Days() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String body = page("sup.north", "/scorecards/agents/N1").body();
        assertTrue(body.contains("name=\"from\" type=\"date\" value=\"" + today.minusDays(29) + "\""), "from 29 days ago");
        assertTrue(body.contains("name=\"to\" type=\"date\" value=\"" + today + "\""), "to today");
    }

    @Test
    void theOverviewsListEachTeamsAgentsWithThoseBelowTargetFirst() {
        java.time.LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3);
        String csv = HEADER
                + "O-1,N1,chat,logistics," + day + "T10:00:00," + day + "T10:00:30," + day + "T11:00:00,9,10,\n"
                + "O-2,N2,chat,logistics," + day + "T10:00:00," + day + "T10:05:00," + day + "T11:00:00,9,10,\n";
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv")).status());
        for (String path : new String[]{"/", "/scorecards"}) {
            String body = page("sup.north", path).body();
            int n2 = body.indexOf("data-agent=\"N2\"");
            int n1 = body.indexOf("data-agent=\"N1\"");
            assertTrue(n2 > 0 && n1 > n2, path + ": N2 (first response missed) before N1");
            String row = body.substring(n2, body.indexOf("</tr>", n2));
            assertTrue(row.contains("class=\"attention\"") && row.contains("class=\"num misses\"") && row.contains("First response"), row);
            assertTrue(row.contains("href=\"/agents/N2\""), "the name opens the agent's page");
            assertTrue(!body.contains("data-team=\"South\""), path + ": only the supervisor's teams");
        }
        assertTrue(page("hr.lin", "/scorecards").body().contains("data-team=\"South\""), "HR sees every team");
    }
}
