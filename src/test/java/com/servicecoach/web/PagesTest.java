package com.servicecoach.web;

import com.servicecoach.account.SessionTokens;
import com.servicecoach.account.UserRepository;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages as a browser gets them: signed in with the session cookie, forms with the CSRF token. */
@MicronautTest(transactional = false)
class PagesTest extends HttpTest {

    static final String CSRF = "test-csrf-token-0123456789";

    @Inject
    SessionTokens tokens;
    @Inject
    UserRepository users;
    @Inject
    AgentRepository agents;



    MutableHttpRequest<?> asBrowser(String user, MutableHttpRequest<?> request) {
        request.accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of("sc_csrf", CSRF));
        if (user != null) {
            api.browser(user).on(request);
        }
        return request;
    }

    Api.Reply page(String user, String path) {
        return api.exchange(asBrowser(user, HttpRequest.GET(path)));
    }

    Api.Reply form(String user, String path, Map<String, String> fields) {
        Map<String, String> body = new java.util.HashMap<>(fields);
        body.put("_csrf", user == null ? CSRF : api.browser(user).csrf());
        return api.exchange(asBrowser(user, HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED)));
    }

    @Test
    void anonymousBrowserIsSentToSignInAndBack() {
        var response = http.toBlocking().exchange(HttpRequest.GET("/agents?team=North").accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(303, response.code());
        assertEquals("/login?next=%2Fagents%3Fteam%3DNorth", response.getHeaders().get("Location"));
    }

    @Test
    void supervisorSeesOnlyTheirTeamInTheAgentList() {
        Api.Reply r = page("sup.north", "/agents");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("N1") && r.body().contains("王芳"));
        assertFalse(r.body().contains("Tom Baker"));
    }

    @Test
    void invalidFormComesBackAs422WithEachErrorTiedToItsFieldAndTheValuesKept() {
        Api.Reply r = form("admin", "/agents", Map.of("employeeNo", "N50", "name", "陈静", "email", "broken", "team", "North"));
        assertEquals(422, r.status());
        assertTrue(r.body().contains("id=\"e-email\""), "email error shown");
        assertTrue(r.body().contains("aria-describedby=\"e-email\""), "and tied to the field");
        assertTrue(r.body().contains("id=\"e-channels\""), "missing channels reported");
        assertTrue(r.body().contains("value=\"陈静\""), "entered name kept");
        assertTrue(agents.findByEmployeeNo("N50").isEmpty());
    }

    @Test
    void validFormRedirectsToTheNewProfile() {
        Api.Reply r = form("admin", "/agents", Map.of("employeeNo", "N51", "name", "陈静", "email", "cj@shop.test", "team", "North",
                "channel_email", "on", "status", "active"));
        assertEquals(303, r.status(), r.body());
        assertEquals("email", agents.findByEmployeeNo("N51").orElseThrow().channels());
    }

    @Test
    void pagesFollowAcceptLanguageUntilTheUserChoosesAndTheChoiceIsRemembered() {
        Api.Reply zh = api.exchange(asBrowser("hr.lin", HttpRequest.GET("/agents")).header("Accept-Language", "zh-CN,zh;q=0.9"));
        assertTrue(zh.body().contains("客服人员"), "Chinese from Accept-Language");
        Api.Reply en = page("hr.lin", "/agents");
        assertTrue(en.body().contains("Agents"));

        Api.Reply switched = form("hr.lin", "/language", Map.of("lang", "zh-CN", "next", "/agents"));
        assertEquals(303, switched.status());
        assertEquals("zh-CN", users.findByUsername("hr.lin").orElseThrow().locale(), "kept with the user");
    }

    @Test
    void pageForAnotherTeamsAgentIsNotFoundWithoutDetails() {
        Api.Reply r = page("sup.north", "/agents/S1");
        assertEquals(404, r.status());
        assertTrue(r.body().contains("Not found"));
        assertFalse(r.body().contains("Exception"));
    }

    @Test
    void everyRoleHomePageRenders() {
        for (String user : new String[]{"admin", "hr.lin", "sup.north", "agent.north"}) {
            Api.Reply r = page(user, "/");
            assertEquals(200, r.status(), user);
            assertTrue(r.body().contains("Welcome"), user);
        }
        assertTrue(page("agent.north", "/").body().contains("Li Na"));
    }

    @Test
    void timesAreShownInTheOrganizationsZoneWhichThePageNames() throws Exception {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var st = c.prepareStatement("UPDATE app_user SET locked_until = ? WHERE username = 'hr.lin'")) {
            st.setObject(1, java.time.LocalDateTime.parse("2099-03-01T01:30:00"));
            st.executeUpdate();
        }
        Api.Reply r = page("admin", "/admin/users/hr.lin");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("until 2099-03-01 09:30 Asia/Shanghai (UTC+08:00)"), "the lock's end in Shanghai time, zone named");
        assertTrue(r.body().contains("All times are shown in Asia/Shanghai (UTC+08:00)"), "the footer names the zone");
        assertFalse(r.body().contains("UTC)."), "no UTC time left on the page");
    }

    @Test
    void rejectedRowsAreExplainedInTheReadersLanguage() {
        String csv = "external_id,agent,channel,created_at\nZ-1,NOBODY,fax,2026-03-02\n";
        Api.Reply imported = api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv"));
        assertEquals(200, imported.status(), imported.body());
        long id = ((Number) api.get("admin", "/api/interactions/imports").content().get(0).get("id")).longValue();
        Api.Reply zh = api.exchange(asBrowser("admin", HttpRequest.GET("/interactions/imports/" + id)).header("Accept-Language", "zh-CN"));
        assertTrue(zh.body().contains("agent：未知的工号“NOBODY”；channel：“fax”不在以下取值之中"), zh.body());
        assertTrue(zh.body().contains("只有日期，缺少时间"), "the time's detail too");
        Api.Reply en = page("admin", "/interactions/imports/" + id);
        assertTrue(en.body().contains("agent: unknown employee number &#39;NOBODY&#39;; channel: &#39;fax&#39; is not one of"), en.body());
    }
}
