package com.servicecoach.survey;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code servicecoach.public-url} set, links start with that address, whatever host the request came in on. */
@MicronautTest(transactional = false)
@Property(name = "servicecoach.public-url", value = "https://coach.example.com/")
class SurveyPublicUrlTest extends HttpTest {

    @Test
    void linksUseThePublicAddress() {
        Api.Reply imported = api.send("admin", HttpRequest.POST("/api/interactions/import",
                "external_id,agent,channel,created_at\nPU-1,N1,chat,2026-11-02T09:00:00\n").contentType("text/csv"));
        assertEquals(200, imported.status(), imported.body());
        assertEquals(200, api.post("admin", "/api/surveys/links", Map.of("from", "2026-11-01", "to", "2026-11-30", "language", "en")).status());
        List<Map<String, Object>> links = api.get("admin", "/api/surveys/links?from=2026-11-01&to=2026-11-30").content();
        assertEquals(1, links.size());
        String url = (String) links.get(0).get("url");
        assertTrue(url.startsWith("https://coach.example.com/survey/"), url);
        assertEquals("https://coach.example.com/survey/" + links.get(0).get("token"), url);
    }
}
