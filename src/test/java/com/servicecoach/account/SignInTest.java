package com.servicecoach.account;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SignInTest extends HttpTest {

    @Inject
    TestClock clock;
    @Inject
    SessionTokens tokens;
    @Inject
    UserRepository users;


    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Api.Reply login(String user, String password) {
        return api.exchange(HttpRequest.POST("/api/login", Map.of("username", user, "password", password)));
    }

    Api.Reply basic(String user, String password) {
        return api.exchange(HttpRequest.GET("/api/agents").basicAuth(user, password));
    }

    @Test
    void fifthFailureInARowLocksTheAccountEvenForTheRightPassword() {
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login("hr.lin", "wrong-password-" + i).status());
        }
        assertEquals(200, login("hr.lin", Fixtures.PASSWORD).status(), "4 failures do not lock");
        for (int i = 0; i < 4; i++) {
            login("hr.lin", "wrong-password-" + i);
        }
        Api.Reply fifth = basic("hr.lin", "wrong again");
        assertEquals(401, fifth.status());
        Api.Reply locked = login("hr.lin", Fixtures.PASSWORD);
        assertEquals(401, locked.status());
        assertTrue(locked.body().contains("locked"), locked.body());

        clock.advance(Duration.ofMinutes(16));
        assertEquals(200, login("hr.lin", Fixtures.PASSWORD).status(), "the lock lasts 15 minutes");
    }

    @Test
    void failuresCountHoweverTheyArriveAndSuccessResetsTheCount() {
        basic("hr.lin", "wrong-1");
        login("hr.lin", "wrong-2");
        assertEquals(2, users.findByUsername("hr.lin").orElseThrow().failedSignIns());
        assertEquals(200, basic("hr.lin", Fixtures.PASSWORD).status());
        assertEquals(0, users.findByUsername("hr.lin").orElseThrow().failedSignIns());
    }

    @Test
    void disabledUserCannotSignIn() {
        assertEquals(200, api.put("admin", "/api/users/hr.lin", Map.of("enabled", false)).status());
        assertEquals(401, login("hr.lin", Fixtures.PASSWORD).status());
    }

    @Test
    void formSignInSetsAnHttpOnlySameSiteCookieAndSignOutClearsIt() {
        var page = http.toBlocking().exchange(HttpRequest.GET("/login").accept(MediaType.TEXT_HTML), String.class);
        String csrf = page.getCookie("sc_csrf").orElseThrow().getValue();
        var response = http.toBlocking().exchange(HttpRequest.POST("/login",
                        Map.of("username", "sup.north", "password", Fixtures.PASSWORD, "_csrf", csrf))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).cookie(io.micronaut.http.cookie.Cookie.of("sc_csrf", csrf)), String.class);
        assertEquals(303, response.code());
        String setCookie = response.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("SC_SESSION=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() {
        String token = tokens.newBrowserToken(users.findByUsername("admin").orElseThrow());
        Api.Reply reply = api.exchange(HttpRequest.POST("/teams", Map.of("name", "Sneaky"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(io.micronaut.http.cookie.Cookie.of("SC_SESSION", token))
                .cookie(io.micronaut.http.cookie.Cookie.of("sc_csrf", "the-real-token-in-the-cookie")));
        assertEquals(403, reply.status());
        assertFalse(api.get("admin", "/api/teams").body().contains("Sneaky"));
    }

    @Inject
    io.micronaut.security.token.jwt.generator.JwtTokenGenerator generator;

    static com.nimbusds.jwt.JWTClaimsSet claims(String token) throws Exception {
        return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet();
    }

    @Test
    void browserTokenLastsThirtyMinutesAndIsRenewedOnActivityKeepingTheSignInTime() throws Exception {
        String token = tokens.newBrowserToken(users.findByUsername("hr.lin").orElseThrow());
        var c = claims(token);
        assertEquals(1800, (c.getExpirationTime().getTime() - c.getIssueTime().getTime()) / 1000);

        var response = http.toBlocking().exchange(HttpRequest.GET("/api/teams").cookie(io.micronaut.http.cookie.Cookie.of("SC_SESSION", token)), String.class);
        String renewed = response.getCookie("SC_SESSION").orElseThrow().getValue();
        assertEquals(c.getClaim("authTime"), claims(renewed).getClaim("authTime"), "renewal keeps the sign-in time");
    }

    @Test
    void renewalNeverReachesBeyondTwelveHoursAfterSignIn() throws Exception {
        String token = tokens.newBrowserToken(users.findByUsername("hr.lin").orElseThrow());
        var cookie = io.micronaut.http.cookie.Cookie.of("SC_SESSION", token);
        clock.advance(Duration.ofHours(11).plusMinutes(50));
        var near = http.toBlocking().exchange(HttpRequest.GET("/api/teams").cookie(cookie), String.class);
        var c = claims(near.getCookie("SC_SESSION").orElseThrow().getValue());
        long life = (c.getExpirationTime().getTime() - c.getIssueTime().getTime()) / 1000;
        assertTrue(life <= 600 && life >= 595, "only the 10 minutes left of the 12 hours: " + life);

        clock.advance(Duration.ofMinutes(11));
        var past = http.toBlocking().exchange(HttpRequest.GET("/api/teams").cookie(cookie), String.class);
        assertEquals(0, past.getCookie("SC_SESSION").orElseThrow().getMaxAge(), "past 12 hours the cookie is cleared");
    }

    @Test
    void expiredTokenIsRefused() {
        long past = java.time.Instant.now().minusSeconds(60).getEpochSecond();
        String expired = generator.generateToken(Map.of("sub", "hr.lin", "roles", java.util.List.of("HR"), "exp", past, "iat", past - 1800)).orElseThrow();
        assertEquals(401, api.exchange(HttpRequest.GET("/api/teams").cookie(io.micronaut.http.cookie.Cookie.of("SC_SESSION", expired))).status());
        assertEquals(401, api.exchange(HttpRequest.GET("/api/teams").bearerAuth(expired)).status());
    }

    @Test
    void unsignedTokenIsRefused() {
        long later = java.time.Instant.now().plusSeconds(600).getEpochSecond();
        String unsigned = new com.nimbusds.jwt.PlainJWT(new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("admin")
                .claim("roles", java.util.List.of("ADMIN")).expirationTime(new java.util.Date(later * 1000)).build()).serialize();
        assertEquals(401, api.exchange(HttpRequest.GET("/api/users").bearerAuth(unsigned)).status());
    }
}
