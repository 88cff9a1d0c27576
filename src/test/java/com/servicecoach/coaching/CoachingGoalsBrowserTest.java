package com.servicecoach.coaching;

import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: a supervisor records a session with a goal on CSAT for returns from the form, and the agent
 * finds it on their home page with its progress bar (screenshots under target/screenshots).
 */
@MicronautTest(transactional = false)
class CoachingGoalsBrowserTest extends HttpTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aSupervisorSetsAGoalInTheFormAndTheAgentSeesItsProgressAtHome() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate day = today.minusDays(1);
        StringBuilder csv = new StringBuilder("external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n");
        for (int i = 0; i < 4; i++) {
            String t = day + "T0" + (1 + i) + ":00";
            csv.append("B-").append(i).append(",N1,chat,return_refund,").append(t).append(":00,").append(t).append(":20,")
                    .append(t).append(":50,").append(i < 3 ? 9 : 2).append(",10,\n");
        }
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv.toString()).contentType("text/csv")).status());
        String due = today.plusDays(21).toString();
        try (Browser supervisor = Browser.open(server.getURL().toString())) {
            supervisor.signIn("sup.north", Fixtures.PASSWORD);
            supervisor.go("/agents/N1/coaching/new");
            supervisor.setValue("#f-heldOn", day.toString()).type("#f-focus", "CSAT on returns")
                    .type("[id='f-action0.text']", "Offer the return label in the first reply")
                    .setValue("[id='f-action0.dueOn']", due)
                    .choose("[id='f-action0.goal.figure']", "csat")
                    .choose("[id='f-action0.goal.slice']", "return_refund")
                    .type("[id='f-action0.goal.target']", "80");
            supervisor.screenshot("coaching-goal-form");
            supervisor.clickAndWait("#coaching-save");
            assertTrue(supervisor.path().startsWith("/coaching/"), supervisor.pathAndQuery());
            String actions = supervisor.text("#coaching-actions");
            assertTrue(actions.contains("CSAT · Return and refund at least 80.0 % by " + due) && actions.contains("75.0 % of 4"), actions);
            supervisor.screenshot("coaching-goal-session");
        }
        try (Browser agent = Browser.open(server.getURL().toString())) {
            agent.signIn("agent.north", Fixtures.PASSWORD);
            String goals = agent.text("#home-goals");
            assertTrue(goals.contains("My goals") && goals.contains("75.0 % of 4 · target 80.0 %") && goals.contains("Behind"), goals);
            assertEquals("75", agent.find("#home-goals progress").getAttribute("value"));
            agent.screenshot("coaching-goal-home");
        }
    }
}
