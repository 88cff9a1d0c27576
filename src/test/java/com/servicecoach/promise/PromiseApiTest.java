package com.servicecoach.promise;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/promises} and {@code /promises} over contacts imported through the import API: who sees which
 * owners' promises, due times on the channels' calendars, the window, the order and bad windows.
 */
@MicronautTest(transactional = false)
class PromiseApiTest extends HttpTest {

    static final String HEADER = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,"
            + "comment,priority,owner";

    @Inject
    TestClock clock;

    Instant importedAt;

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    static String row(String id, String agent, String channel, String category, Instant created, String resolved, String priority,
                      String owner) {
        return String.join(",", id, agent, channel, category, created.toString(), "", resolved, "", "", "", priority, owner);
    }

    /**
     * North's and South's open contacts, relative to now (the chat, phone and social targets are 24x7), and one email
     * refund at a fixed time in the past: handled by N1 but owned by N2.
     */
    void importContacts() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        importedAt = now;
        String csv = HEADER + "\n"
                // Fri 2026-03-06 17:00 Shanghai, 16 business hours: due Tue 2026-03-10 15:00 Shanghai = 07:00 UTC
                + row("REF-1", "N1", "email", "return_refund", Instant.parse("2026-03-06T09:00:00Z"), "", "normal", "N2") + "\n"
                // chat 24 h: due in 30 minutes
                + row("CHAT-SOON", "N1", "chat", "logistics", now.minus(Duration.ofMinutes(23 * 60 + 30)), "", "", "") + "\n"
                // chat 24 h: due in 20 hours
                + row("CHAT-LATER", "N1", "chat", "order_status", now.minus(Duration.ofHours(4)), "", "high", "N1") + "\n"
                // phone 24 h, urgent (no rule for it: the channel's target): due in 22 hours
                + row("URGENT", "N2", "phone", "complaint", now.minus(Duration.ofHours(2)), "", "urgent", "") + "\n"
                // social 48 h: due in 47 hours
                + row("SOCIAL-FAR", "N2", "social", "other", now.minus(Duration.ofHours(1)), "", "", "") + "\n"
                // resolved: no promise any more
                + row("DONE", "N2", "chat", "other", now.minus(Duration.ofHours(30)), now.minus(Duration.ofHours(1)).toString(), "", "") + "\n"
                // South: overdue for 6 hours
                + row("S-1", "S1", "chat", "payment", now.minus(Duration.ofHours(30)), "", "", "") + "\n";
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
        assertEquals(7L, ((Number) r.json().get("inserted")).longValue(), r.body());
    }

    Map<String, Object> promises(String user, String query) {
        Api.Reply r = api.get(user, "/api/promises" + query);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> contacts(Map<String, Object> json) {
        return (List<Map<String, Object>>) ((Map<String, Object>) json.get("contacts")).get("content");
    }

    static List<Object> ids(Map<String, Object> json) {
        return contacts(json).stream().map(c -> c.get("externalId")).toList();
    }

    static Map<String, Object> contact(Map<String, Object> json, String externalId) {
        return contacts(json).stream().filter(c -> c.get("externalId").equals(externalId)).findFirst()
                .orElseThrow(() -> new AssertionError(externalId + " not in " + json));
    }

    /** The owners' counts, numbers as ints. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> owners(Map<String, Object> json) {
        return ((List<Map<String, Object>>) json.get("owners")).stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>(o);
            m.put("overdue", ((Number) o.get("overdue")).intValue());
            m.put("dueSoon", ((Number) o.get("dueSoon")).intValue());
            return (Map<String, Object>) m;
        }).toList();
    }

    static Map<String, Object> owner(String employeeNo, String name, int overdue, int dueSoon) {
        return Map.of("employeeNo", employeeNo, "name", name, "team", "North", "overdue", overdue, "dueSoon", dueSoon);
    }

    @Test
    void aSupervisorSeesTheirTeamsOwnersOldestDueFirstWithTheRefundUnderItsOwner() {
        importContacts();
        Map<String, Object> north = promises("sup.north", "");
        assertEquals("PT24H", north.get("within"));
        assertEquals(false, north.get("truncated"));
        assertNotNull(north.get("now"));
        assertTrue(!Instant.parse((String) north.get("latestImport")).isBefore(importedAt.minusSeconds(1)), north.toString());
        assertEquals(List.of("REF-1", "CHAT-SOON", "CHAT-LATER", "URGENT"), ids(north), "overdue first, then by due time");

        Map<String, Object> refund = contact(north, "REF-1");
        assertEquals(Map.of("employeeNo", "N2", "name", "王芳"), refund.get("owner"));
        assertEquals(Map.of("employeeNo", "N1", "name", "Li Na"), refund.get("handler"));
        assertEquals(true, refund.get("handedOver"));
        assertEquals("email", refund.get("channel"));
        assertEquals("return_refund", refund.get("category"));
        assertEquals("normal", refund.get("priority"));
        assertEquals("2026-03-06T09:00:00Z", refund.get("createdAt"));
        assertEquals("2026-03-10T07:00:00Z", refund.get("dueAt"), "16 business hours from Friday 17:00: Tuesday 15:00 Shanghai");
        assertEquals(true, refund.get("overdue"));
        assertEquals(57600, ((Number) refund.get("targetSeconds")).intValue());
        assertEquals("channel", refund.get("targetSource"));
        assertNull(refund.get("targetRule"));
        assertEquals("/interactions?externalId=REF-1&agent=N2", refund.get("link"));
        assertNotNull(refund.get("id"));
        assertEquals("default", refund.get("source"));

        Map<String, Object> soon = contact(north, "CHAT-SOON");
        assertEquals(false, soon.get("overdue"));
        assertEquals(false, soon.get("handedOver"), "no owner column value: the handling agent owns it");
        assertEquals("normal", soon.get("priority"), "no priority: normal");
        Map<String, Object> urgent = contact(north, "URGENT");
        assertEquals("urgent", urgent.get("priority"));
        assertEquals(86400, ((Number) urgent.get("targetSeconds")).intValue(), "no rule for urgent: the phone target");
        assertEquals(importedAt.plus(Duration.ofHours(22)).toString(), urgent.get("dueAt"));

        assertEquals(List.of(owner("N2", "王芳", 1, 1), owner("N1", "Li Na", 0, 2)), owners(north), "most overdue first");
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) north.get("contacts");
        assertEquals(List.of(0, 20, 4), List.of(page.get("page"), page.get("size"), ((Number) page.get("totalElements")).intValue()));

        Map<String, Object> south = promises("sup.south", "");
        assertEquals(List.of("S-1"), ids(south), "South's supervisor sees neither North's owners nor the refund");
        assertEquals(true, contact(south, "S-1").get("overdue"));
        assertEquals(List.of("S1"), owners(south).stream().map(o -> o.get("employeeNo")).toList());

        assertEquals(List.of("REF-1", "S-1", "CHAT-SOON", "CHAT-LATER", "URGENT"), ids(promises("admin", "")));
        assertEquals(ids(promises("admin", "")), ids(promises("hr.lin", "")), "HR sees every agent too");
        assertEquals(List.of("REF-1", "CHAT-SOON", "CHAT-LATER", "URGENT"), ids(promises("admin", "?team=North")));
        assertEquals(List.of("REF-1", "URGENT"), ids(promises("sup.north", "?owner=N2")));
    }

    @Test
    void anAgentSeesOnlyTheContactsTheyOwn() {
        importContacts();
        Map<String, Object> mine = promises("agent.north", "?within=72h");
        assertEquals(List.of("CHAT-SOON", "CHAT-LATER"), ids(mine), "not the refund N1 handled but N2 owns");
        assertEquals(List.of("N1"), owners(mine).stream().map(o -> o.get("employeeNo")).toList());
        assertEquals(List.of("S-1"), ids(promises("agent.south", "")));
        assertEquals(404, api.get("agent.north", "/api/promises?owner=N2").status());
        assertEquals(403, api.get("agent.north", "/api/promises?team=North").status());
        assertEquals(404, api.get("sup.north", "/api/promises?owner=S1").status());
        assertEquals(404, api.get("sup.north", "/api/promises?team=South").status());
    }

    @Test
    void theWindowKeepsWhatIsDueWithinItAndEverythingOverdue() {
        importContacts();
        assertEquals(List.of("REF-1", "CHAT-SOON"), ids(promises("sup.north", "?within=1h")));
        assertEquals("PT1H", promises("sup.north", "?within=1h").get("within"));
        assertEquals(List.of("REF-1", "CHAT-SOON"), ids(promises("sup.north", "?within=4h")));
        assertEquals(List.of("REF-1", "CHAT-SOON", "CHAT-LATER", "URGENT", "SOCIAL-FAR"), ids(promises("sup.north", "?within=72h")));
        assertEquals(List.of("REF-1", "CHAT-SOON", "CHAT-LATER", "URGENT", "SOCIAL-FAR"), ids(promises("sup.north", "?within=P3D")));

        // an hour later the chat due in 30 minutes is overdue, and another hour's window reaches further
        clock.advance(Duration.ofHours(1));
        Map<String, Object> later = promises("sup.north", "?within=1h");
        assertEquals(List.of("REF-1", "CHAT-SOON"), ids(later));
        assertEquals(true, contact(later, "CHAT-SOON").get("overdue"));
        assertEquals(List.of(owner("N1", "Li Na", 1, 0), owner("N2", "王芳", 1, 0)), owners(later),
                "as many overdue and due soon: by employee number");
        clock.advance(Duration.ofHours(20));
        assertEquals(List.of("REF-1", "CHAT-SOON", "CHAT-LATER", "URGENT"), ids(promises("sup.north", "?within=1h")),
                "21 hours on, CHAT-LATER is overdue and URGENT due within the hour");
    }

    @Test
    void aHolidayOnTheEmailCalendarMovesTheRefundADay() throws IOException {
        importContacts();
        Map<String, Object> settings = api.get("admin", "/api/settings").json();
        assertEquals(200, api.send("admin", HttpRequest.PUT("/api/settings", withEmailHoliday(settings, "2026-03-09"))
                .contentType("application/json")).status());
        assertEquals("2026-03-11T07:00:00Z", contact(promises("sup.north", ""), "REF-1").get("dueAt"),
                "Monday closed: Wednesday 15:00 Shanghai");
    }

    @SuppressWarnings("unchecked")
    String withEmailHoliday(Map<String, Object> settings, String day) throws IOException {
        Map<String, Object> copy = new LinkedHashMap<>(settings);
        Map<String, Object> channels = new LinkedHashMap<>((Map<String, Object>) settings.get("channels"));
        Map<String, Object> email = new LinkedHashMap<>((Map<String, Object>) channels.get("email"));
        Map<String, Object> calendar = new LinkedHashMap<>((Map<String, Object>) email.get("calendar"));
        calendar.put("holidays", List.of(day));
        email.put("calendar", calendar);
        channels.put("email", email);
        copy.put("channels", channels);
        try {
            return mapper.writeValueAsString(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sortingAndPagingFollowTheOtherLists() {
        importContacts();
        assertEquals(List.of("URGENT", "CHAT-LATER", "REF-1", "CHAT-SOON"), ids(promises("sup.north", "?sort=priority,desc")),
                "highest priority first, then by due time");
        assertEquals(List.of("URGENT", "CHAT-LATER", "CHAT-SOON"), ids(promises("admin", "?sort=created,desc&size=3")));
        assertEquals(List.of("CHAT-SOON", "CHAT-LATER", "REF-1", "URGENT"), ids(promises("sup.north", "?sort=owner,asc")),
                "Li Na, then 王芳; each by due time");
        Map<String, Object> second = promises("sup.north", "?size=3&page=1");
        assertEquals(List.of("URGENT"), ids(second));
        assertEquals(400, api.get("sup.north", "/api/promises?sort=nope").status());
    }

    @Test
    void aBadWindowIs400WithAClearMessage() {
        for (String bad : List.of("abc", "0h", "-1h", "PT-1H", "31d", "721h")) {
            Api.Reply r = api.get("sup.north", "/api/promises?within=" + bad);
            assertEquals(400, r.status(), bad + ": " + r.body());
            assertTrue(r.body().contains("within must be"), r.body());
        }
        assertEquals(400, api.send("sup.north", HttpRequest.GET("/promises?within=abc").accept("text/html")).status());
    }

    @Test
    void thePageShowsTheOwnersAndTheContactsLinkedInBothLanguages() {
        importContacts();
        String page = api.send("sup.north", HttpRequest.GET("/promises").accept("text/html")).body();
        assertTrue(page.contains("<h1>Open promises</h1>"), page);
        assertTrue(page.contains("id=\"promise-owners\"") && page.contains("data-owner=\"N2\""), page);
        assertTrue(page.contains("href=\"/interactions?externalId=REF-1&amp;agent=N2\""), "linked to the interaction");
        assertTrue(page.contains("href=\"/agents/N2\""), "the owner linked to the agent page");
        assertTrue(page.contains("As of the latest import, finished"), page);
        assertTrue(page.contains("id=\"promise-refresh\""));
        assertFalse(page.contains("http-equiv=\"refresh\""), "no automatic reload");
        assertTrue(page.indexOf("REF-1") < page.indexOf("CHAT-SOON"), "overdue first");
        assertTrue(page.contains("the channel&#39;s target"), page);
        assertTrue(page.contains("href=\"/promises\""), "in the menu");

        String zh = api.send("agent.north", HttpRequest.GET("/promises").accept("text/html").header("Accept-Language", "zh-CN")).body();
        assertTrue(zh.contains("我的未结承诺"), zh);
        assertTrue(zh.contains("CHAT-SOON") && !zh.contains("REF-1"), zh);
        assertFalse(zh.contains("id=\"team\""), "an agent has no team to choose");
        String home = api.send("agent.north", HttpRequest.GET("/").accept("text/html")).body();
        assertTrue(home.contains("<a href=\"/promises\" id=\"home-promises\">My open promises</a>"), "linked from the agent's home");
    }
}
