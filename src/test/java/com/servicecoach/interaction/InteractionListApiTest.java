package com.servicecoach.interaction;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static com.servicecoach.interaction.ImportHttp.HEADER;
import static com.servicecoach.interaction.ImportHttp.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/interactions}: every filter, paging and sorting, and who sees what. */
@MicronautTest(transactional = false)
class InteractionListApiTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;

    Api api;

    /*
     * Times in Shanghai. With to = 2026-03-08 the evaluation instant is 2026-03-09 00:00.
     * L1 N1 chat    Mon 2 10:00, answered after 30 s (met), resolved after 10 min (met), rated 9 (very satisfied)
     * L2 N1 chat    Mon 2 11:00, answered after 5 min (breached), resolved after 2 h (met), rated 4 (dissatisfied)
     * L3 N1 email   Fri 6 17:00, answered Mon 9 10:00 = 2 business hours (met), open: Fri 1 h + weekend 0 < 16 h (pending), no rating
     * L4 N2 phone   Tue 3 09:00, never answered (breached), never resolved: 39 h > 24 h (breached), no rating
     * L5 S1 social  Wed 4 09:00, answered after 30 min (met), resolved after 60 h (breached), rated 7 (satisfied)
     * L6 N1 chat    Mon 9 00:30 (after the period), category complaint
     */
    static final String DATA = HEADER + "\n"
            + "L1,N1,chat,logistics,2026-03-02T10:00:00,2026-03-02T10:00:30,2026-03-02T10:10:00,9,,\n"
            + "L2,N1,chat,payment,2026-03-02T11:00:00,2026-03-02T11:05:00,2026-03-02T13:00:00,4,,\n"
            + "L3,N1,email,logistics,2026-03-06T17:00:00,2026-03-09T10:00:00,,,,\n"
            + "L4,N2,phone,complaint,2026-03-03T09:00:00,,,,,\n"
            + "L5,S1,social,logistics,2026-03-04T09:00:00,2026-03-04T09:30:00,2026-03-06T21:00:00,7,,\n"
            + "L6,N1,chat,complaint,2026-03-09T00:30:00,,,,,\n";

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        api = new Api(http, mapper);
        ImportHttp.assertCounts(ImportHttp.post(api, "admin", DATA), 6, 6, 0, 0, 0);
    }

    private List<String> ids(String user, String query) {
        Api.Reply r = api.get(user, "/api/interactions" + query);
        assertEquals(200, r.status(), r.body());
        return r.content().stream().map(i -> (String) i.get("externalId")).toList();
    }

    @Test
    void eachFilterSelectsTheInteractionsBehindAFigure() {
        String week = "from=2026-03-02&to=2026-03-08";
        assertEquals(List.of("L1", "L2", "L3", "L4", "L5"), ids("admin", "?" + week + "&sort=externalId,asc"));
        assertEquals(List.of("L1", "L2", "L3"), ids("admin", "?agent=N1&" + week + "&sort=externalId,asc"));
        assertEquals(List.of("L1", "L2", "L3", "L4"), ids("admin", "?team=North&" + week + "&sort=externalId,asc"));
        assertEquals(List.of("L1", "L2", "L6"), ids("admin", "?channel=chat&sort=externalId,asc"));
        assertEquals(List.of("L4", "L6"), ids("admin", "?category=complaint&sort=externalId,asc"));
        assertEquals(List.of("L2", "L4"), ids("admin", "?breached=first_response&" + week + "&sort=externalId,asc"));
        assertEquals(List.of("L4", "L5"), ids("admin", "?breached=resolution&" + week + "&sort=externalId,asc"));
        assertEquals(List.of("L1"), ids("admin", "?band=very_satisfied"));
        assertEquals(List.of("L5"), ids("admin", "?band=satisfied"));
        assertEquals(List.of("L2"), ids("admin", "?band=dissatisfied"));
        assertEquals(List.of(), ids("admin", "?band=neutral"));
        assertEquals(List.of("L6"), ids("admin", "?from=2026-03-09"));
        assertEquals(List.of("L2"), ids("admin", "?agent=N1&channel=chat&breached=first_response&" + week));
    }

    @Test
    void theListShowsDurationsAndSlaStatesOnEachChannelsCalendar() {
        Map<String, Object> l3 = api.get("admin", "/api/interactions?agent=N1&channel=email&to=2026-03-08").content().get(0);
        assertEquals("L3", l3.get("externalId"));
        assertEquals(7200L, n(l3.get("firstResponseSeconds")), "Fri 17:00-18:00 and Mon 09:00-10:00");
        assertEquals(null, l3.get("resolutionSeconds"));
        assertEquals("met", l3.get("firstResponseSla"));
        assertEquals("pending", l3.get("resolutionSla"));
        assertEquals("2026-03-06T09:00:00Z", l3.get("createdAt"));
        assertEquals("North", l3.get("team"));
        assertEquals("Li Na", l3.get("agentName"));
        assertEquals(null, l3.get("rating"));
        assertEquals(null, l3.get("band"));
        assertTrue(l3.containsKey("comment"), "every key is present");
    }

    @Test
    void theBreachedFilterAgreesWithTheScorecardCounts() {
        String week = "from=2026-03-02&to=2026-03-08";
        Map<String, Object> card = api.get("admin", "/api/scorecards/teams/North?" + week).json();
        long frBreached = n(((Map<?, ?>) card.get("firstResponseSla")).get("breached"));
        long resBreached = n(((Map<?, ?>) card.get("resolutionSla")).get("breached"));
        assertEquals(frBreached, n(api.get("admin", "/api/interactions?team=North&breached=first_response&" + week)
                .json().get("totalElements")));
        assertEquals(resBreached, n(api.get("admin", "/api/interactions?team=North&breached=resolution&" + week)
                .json().get("totalElements")));
    }

    @Test
    void pagesAndSortsInTheDatabase() {
        Api.Reply first = api.get("admin", "/api/interactions?size=2&sort=createdAt,asc");
        assertEquals(List.of("L1", "L2"), first.content().stream().map(i -> i.get("externalId")).toList());
        assertEquals(6L, n(first.json().get("totalElements")));
        assertEquals(0L, n(first.json().get("page")));
        assertEquals(2L, n(first.json().get("size")));
        assertEquals(List.of("L4", "L5"), ids("admin", "?size=2&page=1&sort=createdAt,asc"));
        assertEquals(List.of("L6", "L3", "L5", "L4", "L2", "L1"), ids("admin", ""), "newest first by default");
        assertEquals(List.of("L1", "L5", "L2"), ids("admin", "?sort=rating,desc&size=3"));
        assertEquals(List.of("L2"), ids("admin", "?breached=first_response&to=2026-03-08&size=1&page=0&sort=createdAt,asc"));
        assertEquals(List.of("L4"), ids("admin", "?breached=first_response&to=2026-03-08&size=1&page=1&sort=createdAt,asc"));
        assertEquals(2L, n(api.get("admin", "/api/interactions?breached=first_response&to=2026-03-08&size=1")
                .json().get("totalElements")));
        assertEquals(List.of(), ids("admin", "?page=9"));
    }

    @Test
    void malformedFiltersAreBadRequests() {
        for (String q : new String[]{"?from=2026-3-2", "?to=tomorrow", "?channel=fax", "?category=shipping", "?breached=yes",
                "?band=happy", "?sort=comment,asc", "?size=0", "?size=500", "?from=2026-03-09&to=2026-03-01"}) {
            assertEquals(400, api.get("admin", "/api/interactions" + q).status(), q);
        }
    }

    @Test
    void agentsSeeTheirOwnSupervisorsTheirTeamsHrAndAdministratorsAll() {
        assertEquals(List.of("L1", "L2", "L3", "L6"), ids("agent.north", "?sort=externalId,asc"));
        assertEquals(List.of("L1", "L2", "L3", "L6"), ids("agent.north", "?agent=N1&sort=externalId,asc"));
        assertEquals(404, api.get("agent.north", "/api/interactions?agent=N2").status());
        assertEquals(404, api.get("agent.north", "/api/interactions?agent=S1").status());
        assertEquals(403, api.get("agent.north", "/api/interactions?team=North").status());
        assertEquals(List.of("L5"), ids("agent.south", ""));
        assertEquals(List.of("L1", "L2", "L3", "L4", "L6"), ids("sup.north", "?sort=externalId,asc"));
        assertEquals(404, api.get("sup.north", "/api/interactions?agent=S1").status());
        assertEquals(404, api.get("sup.north", "/api/interactions?team=South").status());
        assertEquals(List.of("L5"), ids("sup.south", ""));
        assertEquals(6, ids("hr.lin", "").size());
        assertEquals(List.of("L5"), ids("hr.lin", "?team=South"));
        assertEquals(401, api.get(null, "/api/interactions").status());
    }

    @Test
    void theInteractionsPageListsWhatTheApiLists() {
        Api.Reply page = api.send("sup.north", HttpRequest.GET("/interactions?team=North&breached=first_response&to=2026-03-08")
                .accept(MediaType.TEXT_HTML));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("L2") && page.body().contains("L4"), page.body());
        assertTrue(!page.body().contains(">L1<") && !page.body().contains("L5"), page.body());
        assertEquals(404, api.send("sup.north", HttpRequest.GET("/interactions?team=South").accept(MediaType.TEXT_HTML)).status());
    }
}
