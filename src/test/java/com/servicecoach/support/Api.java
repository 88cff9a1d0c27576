package com.servicecoach.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test client for the JSON API that never throws on an error status: each call answers the status
 * and the body. Users sign in once with POST /api/login and then use their bearer token.
 */
public final class Api {

    public record Reply(int status, String body, ObjectMapper mapper, String location) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            try {
                return mapper.readValue(body, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> content() {
            return (List<Map<String, Object>>) json().get("content");
        }

        /** The body as a JSON array of objects. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> jsonList() {
            try {
                return (List<Map<String, Object>>) (List<?>) mapper.readValue(body, io.micronaut.core.type.Argument.listOf(Map.class));
            } catch (IOException e) {
                throw new UncheckedIOException("Not a JSON array: " + body, e);
            }
        }
    }

    /**
     * A browser's signed-in session: its cookie and the CSRF token its pages carry. {@link #on} makes a
     * request look like it came from that browser.
     */
    public record BrowserSession(String cookie, String csrf) {
        public <R extends MutableHttpRequest<?>> R on(R request) {
            request.cookie(Cookie.of(SESSION_COOKIE, cookie));
            return request;
        }
    }

    public static final String SESSION_COOKIE = "SC_SESSION";
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final BlockingHttpClient client;
    private final ObjectMapper mapper;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, BrowserSession> browsers = new HashMap<>();

    public Api(HttpClient client, ObjectMapper mapper) {
        this.client = client.toBlocking();
        this.mapper = mapper;
    }

    public Reply get(String user, String path) {
        return send(user, HttpRequest.GET(path));
    }

    public Reply post(String user, String path, Object body) {
        return send(user, HttpRequest.POST(path, body));
    }

    public Reply put(String user, String path, Object body) {
        return send(user, HttpRequest.PUT(path, body));
    }

    public Reply send(String user, MutableHttpRequest<?> request) {
        if (user != null) {
            request.bearerAuth(token(user));
        }
        return exchange(request);
    }

    public Reply exchange(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.exchange(request, Argument.STRING, Argument.STRING);
            return new Reply(response.code(), response.body(), mapper, response.getHeaders().get("Location"));
        } catch (HttpClientResponseException e) {
            return new Reply(e.code(), e.getResponse().getBody(String.class).orElse(""), mapper, e.getResponse().getHeaders().get("Location"));
        }
    }

    public String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            Reply r = exchange(HttpRequest.POST("/api/login", Map.of("username", u, "password", Fixtures.PASSWORD)));
            if (r.status() != 200) {
                throw new IllegalStateException("Could not sign in " + u + ": " + r.body());
            }
            return (String) r.json().get("accessToken");
        });
    }

    /** Signs the user in through the sign-in form, as a browser does, once per user. */
    public BrowserSession browser(String user) {
        return browsers.computeIfAbsent(user, this::signInWithForm);
    }

    /** A new browser session of the user through the sign-in form (each call opens another session). */
    public BrowserSession signInWithForm(String user) {
        String anonymousToken = "test-anonymous-csrf-token-0123456789";
        HttpResponse<String> signIn = client.exchange(HttpRequest.POST("/login",
                        Map.of("username", user, "password", Fixtures.PASSWORD, "_csrf", anonymousToken))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).cookie(Cookie.of("sc_csrf", anonymousToken)), String.class);
        String cookie = signIn.getCookie(SESSION_COOKIE).orElseThrow(() -> new IllegalStateException("No session cookie for " + user)).getValue();
        HttpResponse<String> home = client.exchange(HttpRequest.GET("/").accept(MediaType.TEXT_HTML_TYPE)
                .cookie(Cookie.of(SESSION_COOKIE, cookie)), String.class);
        Matcher m = META_CSRF.matcher(home.body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the home page of " + user);
        }
        return new BrowserSession(cookie, m.group(1));
    }

    public void forgetTokens() {
        tokens.clear();
        browsers.clear();
    }
}
