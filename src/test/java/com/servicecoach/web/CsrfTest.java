package com.servicecoach.web;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CSRF: a request that carries the session cookie must repeat that session's own token, whatever other
 * credentials it also carries; only requests authenticated by Basic or bearer without the cookie skip it.
 */
@MicronautTest(transactional = false)
class CsrfTest extends HttpTest {

    MutableHttpRequest<?> createTeam(String name) {
        return HttpRequest.POST("/api/teams", Map.of("name", name, "supervisor", "sup.north"));
    }

    boolean teamExists(String name) {
        return api.get("admin", "/api/teams/" + name).status() == 200;
    }

    @Test
    void anAuthorizationHeaderDoesNotExcuseACookieRequestFromTheToken() {
        Api.BrowserSession admin = api.browser("admin");
        Api.Reply withBearer = api.exchange(admin.on(createTeam("Bearer")).bearerAuth("not-a-real-token"));
        assertEquals(403, withBearer.status(), withBearer.body());
        Api.Reply withBasic = api.exchange(admin.on(createTeam("Basic")).basicAuth("nobody", "nothing-at-all"));
        assertEquals(403, withBasic.status(), withBasic.body());
        assertFalse(teamExists("Bearer") || teamExists("Basic"));
    }

    @Test
    void aCookieRequestNeedsItsOwnSessionsToken() {
        Api.BrowserSession admin = api.browser("admin");
        Api.BrowserSession otherSession = api.signInWithForm("admin");
        assertNotEquals(admin.csrf(), otherSession.csrf(), "each session has its own token");

        assertEquals(403, api.exchange(admin.on(createTeam("NoToken"))).status());
        assertEquals(403, api.exchange(admin.on(createTeam("Borrowed")).header("X-CSRF-Token", otherSession.csrf())).status());
        assertEquals(403, api.exchange(admin.on(createTeam("Planted")).header("X-CSRF-Token", "planted-token-value-123456")
                .cookie(Cookie.of("sc_csrf", "planted-token-value-123456"))).status(), "a planted double-submit cookie is worthless");
        Api.Reply ok = api.exchange(admin.on(createTeam("Own")).header("X-CSRF-Token", admin.csrf()));
        assertEquals(201, ok.status(), ok.body());
        assertTrue(teamExists("Own"));
        assertFalse(teamExists("NoToken") || teamExists("Borrowed") || teamExists("Planted"));
    }

    @Test
    void formsCarryTheSessionsTokenInAField() {
        Api.BrowserSession admin = api.browser("admin");
        Api.Reply ok = api.exchange(admin.on(HttpRequest.POST("/teams", Map.of("name", "FormTeam", "supervisor", "sup.north",
                "_csrf", admin.csrf())).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(303, ok.status(), ok.body());
        assertTrue(teamExists("FormTeam"));
    }

    @Test
    void scriptsWithBearerOrBasicAndNoCookieNeedNoToken() {
        assertEquals(201, api.send("admin", createTeam("ByBearer")).status());
        assertEquals(201, api.exchange(createTeam("ByBasic").basicAuth("admin", com.servicecoach.support.Fixtures.PASSWORD)).status());
    }

    @Test
    void aBrowserSayingTheRequestComesFromAnotherSiteIsRefused() {
        Api.BrowserSession admin = api.browser("admin");
        Api.Reply crossSite = api.exchange(admin.on(createTeam("CrossSite")).header("X-CSRF-Token", admin.csrf())
                .header("Sec-Fetch-Site", "cross-site"));
        assertEquals(403, crossSite.status());
        assertFalse(teamExists("CrossSite"));
    }

    @Test
    void signInFormNeedsTheDoubleSubmitToken() {
        Api.Reply noToken = api.exchange(HttpRequest.POST("/login", Map.of("username", "admin", "password",
                com.servicecoach.support.Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(Cookie.of("sc_csrf", "the-token-in-the-cookie-0123")));
        assertEquals(403, noToken.status());
    }

    @Test
    void unauthorizedApiAnswersOfferBasicOnlyToScripts() {
        var script = unauthorized(HttpRequest.GET("/api/teams"));
        assertEquals("Basic realm=\"ServiceCoach\"", script.getHeaders().get("WWW-Authenticate"));
        var withCookie = unauthorized(HttpRequest.GET("/api/teams").cookie(Cookie.of("SC_SESSION", "expired.or.ended")));
        assertNull(withCookie.getHeaders().get("WWW-Authenticate"), "a browser with a (dead) session cookie");
        var withCsrfCookie = unauthorized(HttpRequest.GET("/api/teams").cookie(Cookie.of("sc_csrf", "some-anonymous-token-12345")));
        assertNull(withCsrfCookie.getHeaders().get("WWW-Authenticate"), "a browser that has only visited the sign-in page");
        var fetch = unauthorized(HttpRequest.GET("/api/teams").header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Site", "same-origin"));
        assertNull(fetch.getHeaders().get("WWW-Authenticate"), "a page's script without cookies");
    }

    io.micronaut.http.HttpResponse<?> unauthorized(MutableHttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
            throw new AssertionError("expected 401");
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            assertEquals(401, e.code());
            return e.getResponse();
        }
    }
}
