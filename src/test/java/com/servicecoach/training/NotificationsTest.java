package com.servicecoach.training;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestClock;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In-app notifications for new assignments and for those due within 3 days. */
@MicronautTest(transactional = false)
class NotificationsTest {

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
    TestClock clock;
    @Inject
    TrainingContent content;
    @Inject
    AssignmentService service;

    Api api;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        clock.reset();
        fixtures.standardCast();
        content.reload();
        api = new Api(http, mapper);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    long unread(String user) {
        return ((Number) api.get(user, "/api/notifications/unread").json().get("unread")).longValue();
    }

    List<String> messages(String user, String language) {
        return api.send(user, HttpRequest.GET("/api/notifications").header("Accept-Language", language)).content().stream()
                .map(n -> (String) n.get("message")).toList();
    }

    @Test
    void aNewAssignmentNotifiesTheAgentsItReachesInTheirLanguage() {
        String due = today().plusDays(20).toString();
        assertEquals(201, api.post("sup.north", "/api/assignments", Map.of("module", "greeting-attitude", "team", "North", "dueOn", due)).status());
        assertEquals(1, unread("agent.north"));
        assertEquals(0, unread("agent.south"));
        assertEquals(0, unread("sup.north"));
        assertEquals(List.of("New training assigned to you: Service attitude and greeting, due on " + due + "."),
                messages("agent.north", "en"));
        assertEquals(List.of("你有新的培训任务：服务态度与问候，截止日期 " + due + "。"), messages("agent.north", "zh-CN"));
        assertEquals(0, service.sendReminders(), "nothing due soon and everyone already told");
    }

    @Test
    void remindersGoOutOnceForAssignmentsDueWithinThreeDays() {
        api.post("sup.north", "/api/assignments", Map.of("module", "returns-refunds", "agents", List.of("N1"), "dueOn", today().plusDays(5).toString()));
        assertEquals(0, service.sendReminders(), "5 days ahead is not yet due soon");
        clock.advance(Duration.ofDays(2));
        assertEquals(1, service.sendReminders());
        assertEquals(0, service.sendReminders(), "one reminder per due date");
        assertEquals(2, unread("agent.north"));
        assertTrue(messages("agent.north", "en").get(0).startsWith("Training due soon: Returns, exchanges and refunds"),
                messages("agent.north", "en").toString());

        // a new due date within 3 days earns a new reminder; once past it, one notice that it is overdue
        Object id = api.get("sup.north", "/api/assignments?agent=N1").content().get(0).get("id");
        String due = today().plusDays(1).toString();
        api.put("sup.north", "/api/assignments/" + id, Map.of("dueOn", due));
        assertEquals(1, service.sendReminders());
        clock.advance(Duration.ofDays(5));
        api.forgetTokens();
        assertEquals(1, service.sendReminders());
        assertEquals(0, service.sendReminders(), "told once that it is overdue");
        assertEquals("Training overdue: Returns, exchanges and refunds within the time limit was due on " + due + " and is not completed yet.",
                messages("agent.north", "en").get(0));
        assertEquals("培训已逾期：时限内的退货、换货与退款 已于 " + due + " 截止，尚未完成。", messages("agent.north", "zh-CN").get(0));
    }

    @Test
    void onlyTheOwnerMarksNotificationsRead() {
        api.post("admin", "/api/assignments", Map.of("module", "greeting-attitude", "agents", List.of("N1", "S1"), "dueOn", today().plusDays(9).toString()));
        Map<String, Object> mine = api.get("agent.north", "/api/notifications").content().get(0);
        assertNull(mine.get("readAt"));
        assertEquals(404, api.post("agent.south", "/api/notifications/" + mine.get("id") + "/read", Map.of()).status());
        Api.Reply read = api.post("agent.north", "/api/notifications/" + mine.get("id") + "/read", Map.of());
        assertEquals(200, read.status(), read.body());
        assertNotNull(read.json().get("readAt"));
        assertEquals(0, unread("agent.north"));
        assertEquals(1, unread("agent.south"));
        assertEquals(1, ((Number) api.post("agent.south", "/api/notifications/read-all", Map.of()).json().get("marked")).intValue());
        assertEquals(0, unread("agent.south"));
    }

    @Test
    void theHeaderShowsTheUnreadCountOnEveryPage() {
        String token = api.token("agent.north");
        String before = http.toBlocking().retrieve(HttpRequest.GET("/").accept(MediaType.TEXT_HTML).bearerAuth(token));
        assertTrue(before.contains("id=\"notifications-link\""), before);
        assertFalse(before.contains("id=\"notification-count\""), before);
        api.post("sup.north", "/api/assignments", Map.of("module", "greeting-attitude", "agents", List.of("N1"), "dueOn", today().plusDays(2).toString()));
        service.sendReminders();
        String after = http.toBlocking().retrieve(HttpRequest.GET("/modules").accept(MediaType.TEXT_HTML).bearerAuth(token));
        assertTrue(after.contains("id=\"notification-count\" aria-label=\"2 unread\">2</span>"), after);
        String list = http.toBlocking().retrieve(HttpRequest.GET("/notifications").accept(MediaType.TEXT_HTML).bearerAuth(token)
                .cookie(io.micronaut.http.cookie.Cookie.of("sc_lang", "zh-CN")));
        assertTrue(list.contains("培训即将到期：服务态度与问候"), list);
    }
}
