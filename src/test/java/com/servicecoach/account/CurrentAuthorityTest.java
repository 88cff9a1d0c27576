package com.servicecoach.account;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.HttpTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request acts on the user's role and enabled state as stored now, whatever its token says, and
 * sign-out, password changes, disabling and role changes end existing sessions and tokens at once.
 */
@MicronautTest(transactional = false)
class CurrentAuthorityTest extends HttpTest {

    @Inject
    UserRepository users;
    @Inject
    Sessions sessions;

    @BeforeEach
    void secondAdmin() {
        fixtures.user("admin.two", "ADMIN", null);
    }

    /** Changes a user behind the application's back, as another instance or a database fix would. */
    String sql(String statement, String... args) {
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            if (ps.execute()) {
                var rs = ps.getResultSet();
                return rs.next() ? rs.getString(1) : null;
            }
            return null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void setRoleInTheDatabase(String username, String role) {
        sql("update app_user set role = ? where username = ?", role, username);
    }

    int status(Api.BrowserSession browser, String path) {
        return api.exchange(browser.on(HttpRequest.GET(path).accept(MediaType.APPLICATION_JSON_TYPE))).status();
    }

    @Test
    void aRoleLoweredInTheDatabaseTakesEffectOnTheNextRequestOfEveryToken() {
        String bearer = api.token("admin.two");
        Api.BrowserSession browser = api.browser("admin.two");
        assertEquals(200, api.get("admin.two", "/api/users").status());
        assertEquals(200, status(browser, "/api/users"));

        setRoleInTheDatabase("admin.two", "HR");

        for (String path : new String[]{"/api/users", "/api/settings", "/api/reports/audit", "/prometheus"}) {
            assertEquals(403, api.exchange(HttpRequest.GET(path).bearerAuth(bearer)).status(), "bearer " + path);
            assertEquals(403, status(browser, path), "cookie " + path);
        }
        Api.Reply create = api.exchange(HttpRequest.POST("/api/users", Map.of("username", "sneaky.admin",
                "password", "a-long-enough-password", "role", "ADMIN")).bearerAuth(bearer));
        assertEquals(403, create.status());
        assertTrue(users.findByUsername("sneaky.admin").isEmpty(), "no admin was created");
        assertEquals(200, api.exchange(HttpRequest.GET("/api/teams").bearerAuth(bearer)).status(), "HR may still read teams");
    }

    @Test
    void aRaisedRoleIsAlsoReadFromTheDatabase() {
        String bearer = api.token("hr.lin");
        assertEquals(403, api.exchange(HttpRequest.GET("/api/users").bearerAuth(bearer)).status());
        setRoleInTheDatabase("hr.lin", "ADMIN");
        assertEquals(200, api.exchange(HttpRequest.GET("/api/users").bearerAuth(bearer)).status());
    }

    @Test
    void aUserDisabledInTheDatabaseIsRefusedAtOnce() {
        String bearer = api.token("sup.north");
        Api.BrowserSession browser = api.browser("sup.north");
        sql("update app_user set enabled = false where username = ?", "sup.north");
        assertEquals(401, api.exchange(HttpRequest.GET("/api/agents").bearerAuth(bearer)).status());
        assertEquals(401, status(browser, "/api/agents"));
        assertEquals(401, api.exchange(HttpRequest.GET("/api/agents").basicAuth("sup.north", Fixtures.PASSWORD)).status());
    }

    @Test
    void demotingOrDisablingAUserEndsTheirSessionsAndTokens() {
        String bearer = api.token("admin.two");
        Api.BrowserSession browser = api.browser("admin.two");
        assertEquals(200, api.put("admin", "/api/users/admin.two", Map.of("role", "HR")).status());
        assertEquals(401, api.exchange(HttpRequest.GET("/api/teams").bearerAuth(bearer)).status(), "the token's session ended");
        assertEquals(401, status(browser, "/api/teams"));

        String hrBearer = api.exchange(HttpRequest.POST("/api/login", Map.of("username", "admin.two", "password", Fixtures.PASSWORD)))
                .json().get("accessToken").toString();
        assertEquals(200, api.exchange(HttpRequest.GET("/api/teams").bearerAuth(hrBearer)).status(), "signing in again works");
        assertEquals(200, api.put("admin", "/api/users/admin.two", Map.of("enabled", false)).status());
        assertEquals(401, api.exchange(HttpRequest.GET("/api/teams").bearerAuth(hrBearer)).status());
    }

    @Test
    void aPasswordResetEndsEverySessionButOtherChangesDoNot() {
        String bearer = api.token("sup.north");
        Api.BrowserSession browser = api.browser("sup.north");
        long id = users.findByUsername("sup.north").orElseThrow().id();
        assertEquals(2, sessions.openSessions(id));

        assertEquals(200, api.put("admin", "/api/users/sup.north", Map.of("enabled", true)).status());
        assertEquals(200, api.exchange(HttpRequest.GET("/api/teams").bearerAuth(bearer)).status(), "an unchanged user keeps sessions");

        assertEquals(200, api.put("admin", "/api/users/sup.north", Map.of("password", "a-brand-new-password")).status());
        assertEquals(401, api.exchange(HttpRequest.GET("/api/teams").bearerAuth(bearer)).status());
        assertEquals(401, status(browser, "/api/teams"));
        assertEquals(0, sessions.openSessions(id));
    }

    @Test
    void aCookieReplayedAfterSignOutIsRefused() {
        Api.BrowserSession browser = api.signInWithForm("hr.lin");
        Api.BrowserSession otherDevice = api.signInWithForm("hr.lin");
        assertEquals(200, status(browser, "/api/teams"));

        Api.Reply out = api.exchange(browser.on(HttpRequest.POST("/logout", Map.of("_csrf", browser.csrf()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)));
        assertEquals(303, out.status());

        assertEquals(401, status(browser, "/api/teams"), "the saved cookie no longer works");
        Api.Reply page = api.exchange(browser.on(HttpRequest.GET("/agents").accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(303, page.status(), "a page sends the browser to sign in");
        assertEquals(200, status(otherDevice, "/api/teams"), "signing out ends this session only");
    }

    @Test
    void aTokenWithoutASessionIsRefusedEvenWhenCorrectlySigned() {
        // a token as issued before sessions existed: right signature, right user, but no session to name
        var generator = applicationContext.getBean(io.micronaut.security.token.jwt.generator.JwtTokenGenerator.class);
        String sessionless = generator.generateToken(io.micronaut.security.authentication.Authentication.build("admin",
                java.util.List.of("ADMIN")), 600).orElseThrow();
        assertEquals(401, api.exchange(HttpRequest.GET("/api/users").bearerAuth(sessionless)).status());
        String forged = generator.generateToken(io.micronaut.security.authentication.Authentication.build("admin",
                java.util.List.of("ADMIN"), Map.of("sid", "no-such-session")), 600).orElseThrow();
        assertEquals(401, api.exchange(HttpRequest.GET("/api/users").bearerAuth(forged)).status());
    }

    @Test
    void aSessionOfOneUserCannotBeUsedUnderAnotherName() {
        Api.BrowserSession agent = api.browser("agent.north");
        String agentSid = sql("select s.id from user_session s join app_user u on u.id = s.user_id where u.username = ?", "agent.north");
        assertFalse(agent.cookie().isEmpty());
        var generator = applicationContext.getBean(io.micronaut.security.token.jwt.generator.JwtTokenGenerator.class);
        String swapped = generator.generateToken(io.micronaut.security.authentication.Authentication.build("admin",
                java.util.List.of("ADMIN"), Map.of("sid", agentSid)), 600).orElseThrow();
        assertEquals(401, api.exchange(HttpRequest.GET("/api/users").bearerAuth(swapped)).status());
    }

    @Inject
    io.micronaut.context.ApplicationContext applicationContext;
}
