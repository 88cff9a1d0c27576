package com.servicecoach.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test client for the JSON API that never throws on an error status: each call answers the status
 * and the body. Users sign in once with POST /api/login and then use their bearer token.
 */
public final class Api {

    public record Reply(int status, String body, ObjectMapper mapper) {
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
    }

    private final BlockingHttpClient client;
    private final ObjectMapper mapper;
    private final Map<String, String> tokens = new HashMap<>();

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
            return new Reply(response.code(), response.body(), mapper);
        } catch (HttpClientResponseException e) {
            return new Reply(e.code(), e.getResponse().getBody(String.class).orElse(""), mapper);
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

    public void forgetTokens() {
        tokens.clear();
    }
}
