package com.servicecoach;

import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.notification.Notifications;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every paged route with page numbers at and beyond the edges: a page number that is not a whole number from 0
 * to 2147483647 is 400 with a message naming {@code page}; a page past the last answers 200 with empty content
 * in the JSON API and shows the last page on HTML pages (2147483647 used to overflow page * size).
 */
@MicronautTest(transactional = false)
class PagingRoutesTest extends HttpTest {

    static final List<String> MALFORMED = List.of("2147483648", "99999999999999999999", "-1", "1.5", "abc");
    static final List<String> PAST_THE_LAST = List.of("50", "2147483647");

    @Inject
    AssessmentFixtures modules;
    @Inject
    Notifications notifications;
    @Inject
    TeamRepository teams;

    /** A paged route; for HTML pages, text shown on the first page and text shown on the last. */
    record Route(String path, String user, boolean html, String firstMarker, String marker) {
        String with(String page) {
            return path + (path.contains("?") ? "&" : "?") + "page=" + page;
        }
    }

    static final String TRUE_FALSE = "::T1::One is a number.{T}\n\n::T2::Two is a number.{T}\n";

    /** Something on every list: agents over two pages, attempts, a waiting essay, a certification, imports... */
    long world() {
        Team north = teams.findByName("North").orElseThrow();
        for (int i = 1; i <= 25; i++) {
            fixtures.agent(String.format("X%02d", i), "Extra " + i, north, "chat");
        }
        modules.standard("pg", AssessmentFixtures.Settings.plain().layout("one_per_page"));
        modules.module("cert", AssessmentFixtures.Settings.plain().passMark(50), TRUE_FALSE, null);
        Map<String, Object> a = api.post("agent.north", "/api/assessments/pg/attempts", Map.of()).json();
        long attempt = ((Number) a.get("attempt")).longValue();
        @SuppressWarnings("unchecked")
        Object essay = ((List<Map<String, Object>>) a.get("questions")).stream()
                .filter(q -> q.get("text").toString().startsWith("Write a short apology")).findFirst().orElseThrow().get("id");
        api.put("agent.north", "/api/attempts/" + attempt + "/answers/" + essay, Map.of("answer", "Sorry."));
        api.post("agent.north", "/api/attempts/" + attempt + "/submit", Map.of());
        Map<String, Object> c = api.post("agent.south", "/api/assessments/cert/attempts", Map.of()).json();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tf = (List<Map<String, Object>>) c.get("questions");
        tf.forEach(q -> api.put("agent.south", "/api/attempts/" + c.get("attempt") + "/answers/" + q.get("id"), Map.of("answer", true)));
        api.post("agent.south", "/api/attempts/" + c.get("attempt") + "/submit", Map.of());
        assertEquals(201, api.post("admin", "/api/assignments", Map.of("module", "pg", "agents", List.of("N1"), "dueOn", "2026-12-31")).status());
        notifications.notify("admin", "assignment.new", "paging:1", "/my-training", List.of("x", "y"));
        String csv = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n"
                + "PG-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n"
                + "PG-2,NOBODY,chat,logistics,2026-03-02T09:00:00,,,,,\n";
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv")).status());
        assertEquals(200, api.get("admin", "/api/reports/performance.csv?from=2026-03-01&to=2026-03-31").status());
        Api.Reply open = api.post("agent.north", "/api/assessments/pg/attempts", Map.of());
        assertEquals(201, open.status(), open.body());
        return ((Number) open.json().get("attempt")).longValue();
    }

    List<Route> routes(long openAttempt, long importId) {
        List<Route> r = new ArrayList<>();
        for (String path : List.of("/api/modules", "/api/assignments", "/api/interactions/imports", "/api/interactions/imports/" + importId + "/errors",
                "/api/interactions", "/api/interactions?breached=first_response", "/api/notifications", "/api/attempts",
                "/api/grading-queue", "/api/certifications", "/api/agents", "/api/teams", "/api/users", "/api/reports/audit", "/api/attention")) {
            r.add(new Route(path, "admin", false, null, null));
        }
        r.add(new Route("/agents", "admin", true, "Li Na", "X25"));
        r.add(new Route("/assignments", "admin", true, "Li Na", "Li Na"));
        r.add(new Route("/interactions", "admin", true, "PG-1", "PG-1"));
        r.add(new Route("/interactions/imports/" + importId, "admin", true, "NOBODY", "NOBODY"));
        r.add(new Route("/notifications", "admin", true, "New training assigned", "New training assigned"));
        r.add(new Route("/admin/audit", "admin", true, "2026-03-01", "2026-03-01"));
        r.add(new Route("/attention", "admin", true, "id=\"attention-table\"", "id=\"attention-table\""));
        r.add(new Route("/promises", "admin", true, "id=\"promise-table\"", "id=\"promise-table\""));
        // an attempt laid out one question per page counts its pages from 1 (the bank's last question is the essay)
        r.add(new Route("/attempts/" + openAttempt, "agent.north", true, "Which colour", "Write a short apology"));
        return r;
    }

    Api.Reply get(Route route, String page) {
        HttpRequest<?> request = HttpRequest.GET(route.with(page))
                .accept(route.html() ? MediaType.TEXT_HTML_TYPE : MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(api.token(route.user()));
        return api.exchange((io.micronaut.http.MutableHttpRequest<?>) request);
    }

    @Test
    void pageNumbersAtAndBeyondTheEdgesAnswer400OrTheLastPageButNever500() {
        long openAttempt = world();
        long importId = ((Number) api.get("admin", "/api/interactions/imports").content().get(0).get("id")).longValue();
        List<String> failures = new ArrayList<>();
        for (Route route : routes(openAttempt, importId)) {
            for (String page : MALFORMED) {
                if (page.equals("-1") && route.path().startsWith("/attempts/")) {
                    continue; // the attempt page takes pages from 1 and shows the first for anything before it
                }
                Api.Reply r = get(route, page);
                if (r.status() != 400 || (!route.html() && !r.body().contains("page"))) {
                    failures.add(route.with(page) + ": expected 400 naming page, was " + r.status() + " " + head(r.body()));
                }
            }
            Api.Reply first = get(route, "0");
            if (first.status() != 200 || (route.html() && !first.body().contains(route.firstMarker()))) {
                failures.add(route.with("0") + ": " + first.status() + " " + head(first.body()));
                continue;
            }
            Api.Reply empty = get(route, "");
            if (empty.status() != 200 || (route.html() && !empty.body().contains(route.firstMarker()))) {
                failures.add(route.with("") + ": an empty page parameter is no page parameter, was " + empty.status());
            }
            for (String page : PAST_THE_LAST) {
                Api.Reply r = get(route, page);
                if (r.status() != 200) {
                    failures.add(route.with(page) + ": expected 200, was " + r.status() + " " + head(r.body()));
                } else if (route.html() && !r.body().contains(route.marker())) {
                    failures.add(route.with(page) + ": does not show the last page (no '" + route.marker() + "')");
                } else if (!route.html() && (!r.json().get("content").equals(List.of())
                        || !r.json().get("totalElements").equals(first.json().get("totalElements"))
                        || !r.json().get("page").equals(Integer.valueOf(page)))) {
                    failures.add(route.with(page) + ": expected empty content, the total and the page asked for: " + head(r.body()));
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theLastPageOfAnHtmlListIsShownForAPagePastIt() {
        world();
        Api.Reply last = get(new Route("/agents", "admin", true, null, null), "2147483647");
        assertEquals(200, last.status());
        String body = last.body();
        assertEquals(true, body.contains("X25") && !body.contains(">N1<") && body.contains("Page 2 of 2"), head(body));
        Api.Reply second = get(new Route("/agents", "admin", true, null, null), "1");
        assertEquals(withoutTokens(second.body()), withoutTokens(body), "page 2147483647 shows what page 1 (the last) shows");
    }

    @Test
    void thePagerLinksTheFirstAndLastPagesAndTwoEitherSideOfThisOne() {
        Team north = teams.findByName("North").orElseThrow();
        for (int i = 1; i <= 250; i++) {
            fixtures.agent(String.format("Y%03d", i), "Many " + i, north, "chat");
        }
        // 250 agents and the cast at 20 a page: 13 pages or more; page index 5 is page 6.
        String body = get(new Route("/agents", "admin", true, null, null), "5").body();
        String nav = body.substring(body.indexOf("<nav class=\"pager\""), body.indexOf("</nav>", body.indexOf("<nav class=\"pager\"")));
        List<String> numbers = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"page(?: current)?\"[^>]*>(\\d+)<").matcher(nav);
        while (m.find()) {
            numbers.add(m.group(1));
        }
        int pages = Integer.parseInt(numbers.get(numbers.size() - 1));
        assertEquals(true, pages > 12, nav);
        assertEquals(List.of("1", "4", "5", "6", "7", "8", String.valueOf(pages)), numbers, nav);
        assertEquals(true, nav.contains("aria-current=\"page\">6<"), "this page is marked, not linked");
        assertEquals(true, nav.contains("sort=employeeNo,asc&amp;page=0\">1<"), nav);
        assertEquals(2, nav.split("class=\"gap\"", -1).length - 1, "a gap after 1 and before the last");
        assertEquals(true, nav.contains("data-pages=\"" + pages + "\""), "the go-to-page box knows the last page");
    }

    static String withoutTokens(String html) {
        return html.replaceAll("(csrf-token\" content=\"|name=\"_csrf\" value=\")[^\"]*", "$1");
    }

    static String head(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
