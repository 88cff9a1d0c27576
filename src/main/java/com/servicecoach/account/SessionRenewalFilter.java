package com.servicecoach.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;

/**
 * Slides a browser session's 30-minute idle window: each request made with the session cookie gets a
 * renewed cookie, never beyond 12 hours after sign-in. A cookie whose session has ended is cleared.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SessionRenewalFilter {

    private final SessionTokens tokens;

    SessionRenewalFilter(SessionTokens tokens) {
        this.tokens = tokens;
    }

    @ResponseFilter
    void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getCookies().get(SessionTokens.COOKIE) == null || request.getHeaders().getAuthorization().isPresent()
                || CurrentAuthority.isStaticAsset(request.getPath())
                || response.getCookie(SessionTokens.COOKIE).isPresent()) {
            return;
        }
        Authentication auth = request.getUserPrincipal(Authentication.class).orElse(null);
        if (auth == null) {
            response.cookie(tokens.expiredCookie());
            return;
        }
        if (response.code() >= 400) {
            return;
        }
        Cookie renewed = tokens.renew(auth);
        response.cookie(renewed == null ? tokens.expiredCookie() : renewed);
    }
}
