package com.servicecoach.account;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Issues signed tokens. A browser's token lives in the HttpOnly {@code SC_SESSION} cookie and expires
 * after 30 idle minutes (it is renewed on activity) and 12 hours after sign-in whatever the activity;
 * the sign-in time travels in the token as {@code authTime}.
 */
@Singleton
public class SessionTokens {

    public static final String COOKIE = "SC_SESSION";
    static final String AUTH_TIME = "authTime";

    private final JwtTokenGenerator generator;
    private final SecuritySettings settings;
    private final Clock clock;
    private final boolean secureCookies;

    SessionTokens(JwtTokenGenerator generator, SecuritySettings settings, Clock clock,
                  @io.micronaut.context.annotation.Value("${servicecoach.secure-cookies:false}") boolean secureCookies) {
        this.generator = generator;
        this.settings = settings;
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    public String newBrowserToken(User user) {
        return browserToken(user.username(), List.of(user.role().name()), nowSeconds());
    }

    /** A token for scripts (POST /api/login): valid for the absolute session length. */
    public String newApiToken(User user) {
        long now = nowSeconds();
        Authentication auth = Authentication.build(user.username(), List.of(user.role().name()), Map.of(AUTH_TIME, now));
        return generator.generateToken(auth, settings.absoluteHours() * 3600).orElseThrow();
    }

    public int apiTokenSeconds() {
        return settings.absoluteHours() * 3600;
    }

    String browserToken(String username, List<String> roles, long authTime) {
        long remaining = authTime + settings.absoluteHours() * 3600L - nowSeconds();
        int expiry = (int) Math.max(1, Math.min(settings.idleMinutes() * 60L, remaining));
        Authentication auth = Authentication.build(username, roles, Map.of(AUTH_TIME, authTime));
        return generator.generateToken(auth, expiry).orElseThrow();
    }

    /** A fresh cookie for an active browser session, or null when the absolute limit has passed. */
    Cookie renew(Authentication authentication) {
        Object authTime = authentication.getAttributes().get(AUTH_TIME);
        if (!(authTime instanceof Number n)) {
            return null;
        }
        long started = n.longValue();
        if (nowSeconds() >= started + settings.absoluteHours() * 3600L) {
            return null;
        }
        return cookie(browserToken(authentication.getName(), List.copyOf(authentication.getRoles()), started));
    }

    public Cookie cookie(String token) {
        return Cookie.of(COOKIE, token).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secureCookies)
                .maxAge(settings.absoluteHours() * 3600L);
    }

    public Cookie expiredCookie() {
        return Cookie.of(COOKIE, "").path("/").httpOnly(true).sameSite(SameSite.Lax).maxAge(0);
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }
}
