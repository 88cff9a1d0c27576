package com.servicecoach.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Issues signed tokens, each naming the server-side session it belongs to ({@code sid}). A browser's
 * token lives in the HttpOnly {@code SC_SESSION} cookie and expires after 30 idle minutes (it is renewed
 * on activity) and 12 hours after sign-in whatever the activity; the sign-in time travels in the token
 * as {@code authTime}. Roles are not trusted from the token: {@link CurrentAuthority} reads them afresh.
 */
@Singleton
public class SessionTokens {

    public static final String COOKIE = "SC_SESSION";
    static final String AUTH_TIME = "authTime";

    private final JwtTokenGenerator generator;
    private final Sessions sessions;
    private final SecuritySettings settings;
    private final Clock clock;
    private final boolean secureCookies;

    SessionTokens(JwtTokenGenerator generator, Sessions sessions, SecuritySettings settings, Clock clock,
                  @Value("${servicecoach.secure-cookies:false}") boolean secureCookies) {
        this.generator = generator;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    /** Opens a browser session for the user and answers its first token. */
    public String newBrowserToken(User user) {
        long now = nowSeconds();
        UserSession session = sessions.open(user, UserSession.BROWSER, now);
        return browserToken(user.username(), session.id(), now);
    }

    /** Opens an API session (POST /api/login) and answers its token, valid for the absolute session length. */
    public String newApiToken(User user) {
        long now = nowSeconds();
        UserSession session = sessions.open(user, UserSession.API, now);
        return generator.generateToken(claims(user.username(), session.id(), now), apiTokenSeconds()).orElseThrow();
    }

    public int apiTokenSeconds() {
        return settings.absoluteHours() * 3600;
    }

    String browserToken(String username, String sid, long authTime) {
        long remaining = authTime + settings.absoluteHours() * 3600L - nowSeconds();
        int expiry = (int) Math.max(1, Math.min(settings.idleMinutes() * 60L, remaining));
        return generator.generateToken(claims(username, sid, authTime), expiry).orElseThrow();
    }

    /**
     * A fresh cookie for an active browser session, or null when it has none to renew or the absolute
     * limit has passed.
     */
    Cookie renew(Authentication authentication) {
        Object authTime = authentication.getAttributes().get(AUTH_TIME);
        Object sid = authentication.getAttributes().get(CurrentAuthority.SESSION_ID);
        if (!(authTime instanceof Number n) || !(sid instanceof String id)) {
            return null;
        }
        long started = n.longValue();
        if (nowSeconds() >= started + settings.absoluteHours() * 3600L) {
            return null;
        }
        return cookie(browserToken(authentication.getName(), id, started));
    }

    public Cookie cookie(String token) {
        return Cookie.of(COOKIE, token).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secureCookies)
                .maxAge(settings.absoluteHours() * 3600L);
    }

    public Cookie expiredCookie() {
        return Cookie.of(COOKIE, "").path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secureCookies).maxAge(0);
    }

    /** The session named by an authenticated request, if it came in on a token. */
    static String sessionId(Authentication authentication) {
        return authentication.getAttributes().get(CurrentAuthority.SESSION_ID) instanceof String s ? s : null;
    }

    private static Authentication claims(String username, String sid, long authTime) {
        return Authentication.build(username, List.of(), Map.of(AUTH_TIME, authTime, CurrentAuthority.SESSION_ID, sid));
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }
}
