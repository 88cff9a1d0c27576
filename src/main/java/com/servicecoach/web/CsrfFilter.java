package com.servicecoach.web;

import io.micronaut.context.annotation.Value;
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
import io.micronaut.security.authentication.Authentication;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CSRF protection for everything a browser can send with its cookies. It runs after authentication:
 * <ul>
 *   <li>A request that carries the session cookie must repeat its session's own token (kept with the
 *   session on the server, so a token from another session or a planted cookie is worthless), in the
 *   {@code X-CSRF-Token} header (pages' scripts) or the {@code _csrf} form field (forms; for multipart
 *   uploads in the query string, since the file is streamed). An {@code Authorization} header does not
 *   change that: the cookie would still be what authenticates.</li>
 *   <li>A request without the session cookie that authenticates with {@code Authorization} (Basic or
 *   bearer), or a cookie-less call to {@code /api/**} (a script, e.g. {@code POST /api/login}), has
 *   nothing an attacker could ride on and is not checked.</li>
 *   <li>Anything else (the sign-in, sign-out and language forms before sign-in) uses a double-submit
 *   token in the {@code sc_csrf} cookie, named {@code __Host-sc_csrf} behind TLS.</li>
 *   <li>A browser that says the request comes from another site ({@code Sec-Fetch-Site}) is refused.</li>
 *   <li>A customer's answer to a hosted survey ({@code /survey/{token}}) carries the link's one-use token
 *   instead.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CsrfFilter implements io.micronaut.core.order.Ordered {

    /** The attribute of an {@link Authentication} that holds its session's token. */
    public static final String SESSION_TOKEN = "csrf";
    static final String SESSION_COOKIE = "SC_SESSION";
    static final String HEADER = "X-CSRF-Token";
    static final String FIELD = "_csrf";
    static final String ATTRIBUTE = "csrfToken";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<HttpMethod> SAFE = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final String cookieName;
    private final boolean secure;

    CsrfFilter(@Value("${servicecoach.secure-cookies:false}") boolean secure) {
        this.secure = secure;
        this.cookieName = cookieName(secure);
    }

    static String cookieName(boolean secure) {
        return secure ? "__Host-sc_csrf" : "sc_csrf";
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) throws Exception {
        String sessionToken = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getAttributes().get(SESSION_TOKEN) instanceof String s ? s : null).orElse(null);
        Cookie cookie = request.getCookies().get(cookieName);
        String cookieToken = cookie == null || cookie.getValue().length() < 20 ? null : cookie.getValue();
        request.setAttribute(ATTRIBUTE, sessionToken != null ? sessionToken : cookieToken != null ? cookieToken : newToken());
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return refuse();
        }
        if (request.getPath().startsWith("/survey/")) {
            // a customer's survey answer: the link's one-use token takes the place of a CSRF token, and the
            // answer acts with no one's authority
            return null;
        }
        boolean sessionCookie = request.getCookies().get(SESSION_COOKIE) != null;
        if (!sessionCookie && request.getHeaders().getAuthorization().isPresent()) {
            return null;
        }
        if (!sessionCookie && request.getCookies().getAll().isEmpty() && request.getPath().startsWith("/api/")) {
            return null;
        }
        if (sessionToken == null && request.getPath().equals("/logout")) {
            // signing out of a session that has already ended changes nothing but clearing its cookie
            return null;
        }
        String expected = sessionToken != null ? sessionToken : cookieToken;
        return matches(expected, submitted(request)) ? null : refuse();
    }

    @ResponseFilter
    void issue(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getCookies().get(cookieName) == null) {
            request.getAttribute(ATTRIBUTE, String.class).ifPresent(token -> {
                if (request.getUserPrincipal().isEmpty()) {
                    response.cookie(Cookie.of(cookieName, token).path("/").httpOnly(false).secure(secure).sameSite(SameSite.Strict));
                }
            });
        }
    }

    /**
     * The token a page must repeat: the one this filter chose for the request, else (pages rendered for
     * a request that security refused before this filter ran) the session's own.
     */
    static String tokenFor(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> request.getUserPrincipal(Authentication.class)
                .map(a -> a.getAttributes().get(SESSION_TOKEN) instanceof String s ? s : "").orElse(""));
    }

    private static HttpResponse<?> refuse() {
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .body(ApiError.of("Missing or wrong CSRF token: reload the page and try again"));
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

    private static boolean matches(@Nullable String expected, @Nullable String actual) {
        return expected != null && actual != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
