package com.servicecoach.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Double-submit CSRF protection for everything a browser can send with its cookies. Every page gets a
 * random token in the {@code sc_csrf} cookie; state-changing requests must repeat it, in the
 * {@code X-CSRF-Token} header (pages' scripts) or the {@code _csrf} form field (forms; for multipart
 * uploads in the query string, since the file is streamed and not buffered here). Requests that
 * authenticate with an Authorization header, or carry no cookies at all (scripts), have nothing an
 * attacker could ride on, so they are not checked.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CsrfFilter implements io.micronaut.core.order.Ordered {

    static final String COOKIE = "sc_csrf";
    static final String SESSION_COOKIE = "SC_SESSION";
    static final String HEADER = "X-CSRF-Token";
    static final String FIELD = "_csrf";
    static final String ATTRIBUTE = "csrfToken";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<HttpMethod> SAFE = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) throws Exception {
        Cookie cookie = request.getCookies().get(COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        if (token == null || token.length() < 20) {
            token = newToken();
        }
        request.setAttribute(ATTRIBUTE, token);
        if (SAFE.contains(request.getMethod()) || request.getHeaders().getAuthorization().isPresent()) {
            return null;
        }
        if (cookie == null && request.getCookies().get(SESSION_COOKIE) == null) {
            // No cookies at all: a script, not a browser whose cookies could be ridden on.
            return null;
        }
        if (cookie != null && matches(cookie.getValue(), submitted(request))) {
            return null;
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .body(ApiError.of("Missing or wrong CSRF token: reload the page and try again"));
    }

    @ResponseFilter
    void issue(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getCookies().get(COOKIE) == null) {
            request.getAttribute(ATTRIBUTE, String.class).ifPresent(token ->
                    response.cookie(Cookie.of(COOKIE, token).path("/").httpOnly(false).sameSite(SameSite.Strict)));
        }
    }

    private static String submitted(HttpRequest<?> request) throws Exception {
        String header = request.getHeaders().get(HEADER);
        if (header != null) {
            return header;
        }
        String query = request.getParameters().get(FIELD);
        if (query != null) {
            return query;
        }
        MediaType type = request.getContentType().orElse(null);
        if (type != null && type.getName().equals(MediaType.APPLICATION_FORM_URLENCODED) && request instanceof ServerHttpRequest<?> server) {
            try (CloseableAvailableByteBody body = server.byteBody().split().buffer().get(30, TimeUnit.SECONDS)) {
                return formField(new String(body.toByteArray(), StandardCharsets.UTF_8), FIELD);
            }
        }
        return null;
    }

    static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean matches(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
