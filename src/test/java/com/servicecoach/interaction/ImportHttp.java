package com.servicecoach.interaction;

import com.servicecoach.support.Api;
import io.micronaut.http.HttpRequest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Helpers for the HTTP tests of the interaction import. */
final class ImportHttp {

    static final String HEADER = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment";

    private ImportHttp() {
    }

    static Api.Reply post(Api api, String user, String csv) {
        return post(api, user, csv.getBytes(StandardCharsets.UTF_8), "");
    }

    static Api.Reply post(Api api, String user, byte[] body, String query) {
        return api.send(user, HttpRequest.POST("/api/interactions/import" + query, body).contentType("text/csv"));
    }

    static Api.Reply post(Api api, String user, String csv, Charset charset, String query) {
        return post(api, user, csv.getBytes(charset), query);
    }

    /** Asserts the counts of an import answer: received, inserted, updated, unchanged, rejected. */
    static void assertCounts(Api.Reply reply, long received, long inserted, long updated, long unchanged, long rejected) {
        assertEquals(200, reply.status(), reply.body());
        Map<String, Object> json = reply.json();
        assertEquals(List.of(received, inserted, updated, unchanged, rejected),
                List.of(n(json.get("received")), n(json.get("inserted")), n(json.get("updated")), n(json.get("unchanged")),
                        n(json.get("rejected"))), reply.body());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Api.Reply reply) {
        return (List<Map<String, Object>>) reply.json().get("errors");
    }

    static long n(Object o) {
        return ((Number) o).longValue();
    }
}
