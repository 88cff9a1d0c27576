package com.servicecoach.quality;

import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: a supervisor reviews a conversation from the queue beside its transcript, the agent disputes the
 * review, and the supervisor resolves the dispute by changing a mark (screenshots under target/screenshots).
 */
@MicronautTest(transactional = false)
class QualityReviewBrowserTest extends HttpTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aSupervisorReviewsFromTheQueueTheAgentDisputesAndTheSupervisorResolves() {
        String csv = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,transcript\n"
                + "BR-1,N1,chat,return_refund,2026-03-03T10:00:00,2026-03-03T10:00:30,2026-03-03T10:20:00,4,10,"
                + "\"[10:00] customer: I want to return these shoes, they are too small.\n"
                + "[10:00] agent: Sorry to hear that. Returns are free within 30 days: here is your label.\n"
                + "[10:01] customer: Thanks!\"\n";
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv")).status());
        long id = ((Number) api.get("admin", "/api/interactions?externalId=BR-1").content().get(0).get("id")).longValue();
        assertEquals(1, ((Number) api.post("sup.north", "/api/quality/queue/sample", Map.of("week", "2026-03-03")).json().get("targeted"))
                .intValue(), "rated 4: a targeted conversation");
        long reviewId;
        try (Browser supervisor = Browser.open(server.getURL().toString())) {
            supervisor.signIn("sup.north", Fixtures.PASSWORD);
            supervisor.go("/quality/queue");
            assertTrue(supervisor.text("#queue-table").contains("Rated below 7"), supervisor.text("#queue-table"));
            supervisor.clickAndWait("#review-" + id);
            assertTrue(supervisor.path().startsWith("/quality/reviews/"), supervisor.pathAndQuery());
            reviewId = Long.parseLong(supervisor.path().substring("/quality/reviews/".length()));
            assertTrue(supervisor.text("#transcript").contains("Returns are free within 30 days"));
            for (String[] m : new String[][]{{"greeting", "2"}, {"understood-issue", "15"}, {"accurate-information", "20"},
                    {"identity-verified", "na"}, {"policy-followed", "15"}, {"tone-empathy", "10"}, {"next-steps", "15"}, {"closing", "10"}}) {
                supervisor.click("input[name='mark." + m[0] + "'][value='" + m[1] + "']");
            }
            supervisor.type("#note-greeting", "No greeting by name");
            supervisor.screenshot("quality-review-form");
            supervisor.clickAndWait("#review-submit");
            assertEquals("Submitted", supervisor.text("#review-state"));
            // 87 of 90 possible (identity check N/A) = 96.7 %
            assertEquals("96.7 %", supervisor.text("#review-score"));
        }
        try (Browser agent = Browser.open(server.getURL().toString())) {
            agent.signIn("agent.north", Fixtures.PASSWORD);
            agent.go("/quality/reviews");
            agent.clickAndWait("#reviews-table tbody a");
            assertTrue(agent.text("#review-marks").contains("No greeting by name"), agent.text("#review-marks"));
            agent.type("#reason", "I greeted the customer: the greeting came from the chat widget.");
            agent.clickAndWait("#dispute-submit");
            assertEquals("Disputed", agent.text("#review-state"));
            agent.screenshot("quality-review-disputed");
        }
        try (Browser supervisor = Browser.open(server.getURL().toString())) {
            supervisor.signIn("sup.north", Fixtures.PASSWORD);
            supervisor.go("/quality/reviews/" + reviewId);
            assertTrue(supervisor.text("#dispute-reason").contains("chat widget"));
            supervisor.click("#decision-changed");
            supervisor.click("#resolve-form summary");
            supervisor.click("#resolve-form input[name='mark.greeting'][value='5']");
            supervisor.type("#resolution-note", "The widget's greeting counts.");
            supervisor.clickAndWait("#resolve-submit");
            assertEquals("Resolved", supervisor.text("#review-state"));
            assertEquals("100.0 %", supervisor.text("#review-score"));
            assertTrue(supervisor.text("#review-original").contains("96.7 %"), supervisor.text("#review-original"));
            assertTrue(supervisor.text("#resolution").contains("Changed"), supervisor.text("#resolution"));
            supervisor.screenshot("quality-review-resolved");
        }
    }
}
