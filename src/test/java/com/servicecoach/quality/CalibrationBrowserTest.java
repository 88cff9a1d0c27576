package com.servicecoach.quality;

import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: North's supervisor opens a calibration session over two chats and invites South's; each scores
 * blind; the second submission reveals the agreement, the alphas and the deviations (screenshots under
 * target/screenshots).
 *
 * <p>Both give full points with the two critical checks N/A (75 of 75), except South's greeting on the first chat,
 * 3 of 5 (73 / 75 = 97.3 %). Medians 98.7 and 100; deviations: North +1.3 and 0, mean +0.7; South -0.7. Greeting agrees
 * on 1 of 2 chats (50 %), every other criterion on both.
 */
@MicronautTest(transactional = false)
class CalibrationBrowserTest extends HttpTest {

    @Inject
    EmbeddedServer server;

    static final String[][] FULL = {{"greeting", "5"}, {"understood-issue", "15"}, {"accurate-information", "20"},
            {"identity-verified", "na"}, {"policy-followed", "na"}, {"tone-empathy", "10"}, {"next-steps", "15"}, {"closing", "10"}};

    long chat(String externalId) {
        return ((Number) api.get("admin", "/api/interactions?externalId=" + externalId).content().get(0).get("id")).longValue();
    }

    static void score(Browser b, long session, long interaction, String greeting) {
        b.go("/quality/calibrations/" + session + "?item=" + interaction);
        assertTrue(b.text("#h-chat").length() > 0);
        for (String[] m : FULL) {
            b.click("input[name='mark." + m[0] + "'][value='" + (m[0].equals("greeting") ? greeting : m[1]) + "']");
        }
        b.clickAndWait("#calibration-save");
    }

    @Test
    void twoSupervisorsScoreBlindAndTheSessionShowsHowFarTheyAgree() {
        String csv = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,transcript\n"
                + "CB-1,N1,chat,logistics,2026-03-03T10:00:00,2026-03-03T10:00:30,2026-03-03T10:20:00,8,10,"
                + "\"customer: Where is my parcel?\nagent: Hi, it left the depot this morning.\"\n"
                + "CB-2,N1,chat,logistics,2026-03-04T10:00:00,2026-03-04T10:00:30,2026-03-04T10:20:00,9,10,"
                + "\"customer: Can I change the address?\nagent: Hello, I am Li Na. Yes: which address should it go to?\"\n";
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv")).status());
        long first = chat("CB-1");
        long second = chat("CB-2");
        long session;
        try (Browser north = Browser.open(server.getURL().toString())) {
            north.signIn("sup.north", Fixtures.PASSWORD);
            north.go("/quality/calibrations");
            north.type("#f-title", "Greetings in March");
            north.choose("#f-rubric", "chat");
            north.type("#f-interactionIds", first + ", " + second);
            north.click("input[name='invitee_sup.north']");
            north.click("input[name='invitee_sup.south']");
            north.clickAndWait("#calibration-create");
            assertTrue(north.path().startsWith("/quality/calibrations/"), north.pathAndQuery());
            session = Long.parseLong(north.path().substring("/quality/calibrations/".length()));
            score(north, session, first, "5");
            score(north, session, second, "5");
            north.clickAndWait("#calibration-submit");
            assertTrue(north.text("#calibration-invitees").contains("sup.south"), north.text("#calibration-invitees"));
            assertFalse(north.pageSource().contains("id=\"calibration-results\""), "nothing revealed before everyone has scored");
        }
        try (Browser south = Browser.open(server.getURL().toString())) {
            south.signIn("sup.south", Fixtures.PASSWORD);
            south.go("/quality/calibrations/" + session + "?item=" + first);
            assertTrue(south.text("#h-chat").length() > 0);
            assertTrue(south.pageSource().contains("it left the depot this morning"), "another team's chat, inside the session");
            score(south, session, first, "3");
            score(south, session, second, "5");
            south.clickAndWait("#calibration-submit");
            String agreement = south.text("#calibration-agreement");
            assertTrue(agreement.contains("50.0"), agreement);
            String deviation = south.text("#calibration-deviation");
            assertTrue(deviation.contains("+0.7") && deviation.contains("-0.7"), deviation);
            assertTrue(south.text("#ordinal-alpha").matches(".*-?\\d\\.\\d\\d.*"), south.text("#ordinal-alpha"));
            south.screenshot("calibration-results");
            south.go("/interactions/" + first);
            assertFalse(south.pageSource().contains("it left the depot this morning"), "not outside the session");
        }
    }
}
