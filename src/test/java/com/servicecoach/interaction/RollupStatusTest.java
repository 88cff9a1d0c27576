package com.servicecoach.interaction;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Administrators see whether the stored figures are current, and how far a recomputation has come. */
@MicronautTest(transactional = false)
class RollupStatusTest extends HttpTest {

    @Inject
    Rollups rollups;

    Map<String, Object> status() {
        Api.Reply r = api.get("admin", "/api/rollups");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void aChangeOfZoneMakesTheStoredFiguresStaleUntilTheyAreRecomputed() throws IOException {
        assertEquals("none", status().get("status"));
        ImportHttp.assertCounts(ImportHttp.post(api, "admin", ImportHttp.HEADER
                + "\nST-1,N1,chat,logistics,2026-03-02T09:00:00,2026-03-02T09:00:30,,9,,\n"
                + "ST-2,S1,email,other,2026-03-03T09:00:00,,,,,\n"), 2, 2, 0, 0, 0);
        Map<String, Object> fresh = status();
        assertEquals("current", fresh.get("status"));
        assertEquals(true, fresh.get("current"));
        assertEquals(100, ((Number) fresh.get("percentDone")).intValue());

        Map<String, Object> s = new LinkedHashMap<>(api.get("admin", "/api/settings").json());
        s.put("organizationZone", "Europe/Paris");
        assertEquals(200, api.send("admin", HttpRequest.PUT("/api/settings", mapper.writeValueAsString(s))
                .contentType(MediaType.APPLICATION_JSON_TYPE)).status());
        Map<String, Object> stale = status();
        assertEquals("stale", stale.get("status"));
        assertEquals(false, stale.get("current"));

        rollups.rebuildIfNeeded();
        Map<String, Object> rebuilt = status();
        assertEquals("current", rebuilt.get("status"));
        assertEquals(3, ((Number) rebuilt.get("agentsTotal")).intValue(), "every agent of the standard cast");
        assertEquals(3, ((Number) rebuilt.get("agentsDone")).intValue());
    }

    @Test
    void thePageShowsTheStatusInBothLanguages() {
        Api.BrowserSession admin = api.browser("admin");
        Api.Reply en = api.exchange(admin.on(HttpRequest.GET("/admin/rollups").accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(200, en.status());
        assertTrue(en.body().contains("Not computed yet.") && en.body().contains("id=\"rollup-progress\""), en.body());
        Api.Reply zh = api.exchange(admin.on(HttpRequest.GET("/admin/rollups").accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "zh-CN")));
        assertTrue(zh.body().contains("尚未计算。"), zh.body());
        Api.Reply settings = api.exchange(admin.on(HttpRequest.GET("/admin/settings").accept(MediaType.TEXT_HTML_TYPE)));
        assertTrue(settings.body().contains("href=\"/admin/rollups\""), "the settings page links to it");
    }
}
