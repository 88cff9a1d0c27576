package com.servicecoach.promise;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request reads a bounded number of open contacts, the oldest first, and says when there were more. */
@MicronautTest(transactional = false)
@Property(name = "servicecoach.promises.max-open", value = "2")
class PromiseTruncationTest extends HttpTest {

    @Test
    void moreOpenContactsThanTheLimitAreLeftOutNewestFirstAndTheAnswerSaysSo() {
        String csv = PromiseApiTest.HEADER + "\n"
                + "T-3,N1,chat,other,2026-03-03T09:00:00Z,,,,,,,\n"
                + "T-1,N1,chat,other,2026-03-01T09:00:00Z,,,,,,,\n"
                + "T-2,N2,chat,other,2026-03-02T09:00:00Z,,,,,,,\n"
                + "T-0,S1,chat,other,2026-02-01T09:00:00Z,,,,,,,\n";
        Api.Reply imported = api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv"));
        assertEquals(200, imported.status(), imported.body());

        Map<String, Object> north = api.get("sup.north", "/api/promises").json();
        assertEquals(true, north.get("truncated"), north.toString());
        assertEquals(List.of("T-1", "T-2"), PromiseApiTest.ids(north), "the two oldest of North's three");
        assertEquals(false, api.get("sup.north", "/api/promises?owner=N2").json().get("truncated"), "one owner's one contact");
        assertEquals(false, api.get("sup.south", "/api/promises").json().get("truncated"));

        String page = api.send("sup.north", HttpRequest.GET("/promises").accept("text/html")).body();
        assertTrue(page.contains("id=\"promise-truncated\"") && page.contains("There are more than 2 open contacts"), page);
        assertFalse(api.send("sup.south", HttpRequest.GET("/promises").accept("text/html")).body().contains("promise-truncated"));
    }
}
