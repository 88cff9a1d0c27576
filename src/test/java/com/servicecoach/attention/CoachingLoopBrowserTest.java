package com.servicecoach.attention;

import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.HttpTest;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop in a real browser: a supervisor opens "Needs attention", follows the agent's largest gap to the agent's
 * page, looks at the evidence, assigns the module that addresses it and records a coaching session about it; the
 * agent then acknowledges the session.
 */
@MicronautTest(transactional = false)
class CoachingLoopBrowserTest extends HttpTest {

    @Inject
    EmbeddedServer server;
    @Inject
    AssessmentFixtures assessments;
    @Inject
    TrainingModuleRepository modules;

    @Test
    @SuppressWarnings("unchecked")
    void fromNeedsAttentionToAnAssignmentAndAnAcknowledgedSession() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate day = today.minusDays(2);
        // 20 rated returns, 6 of them satisfied: CSAT on returns 30 %, credibly below 80
        StringBuilder csv = new StringBuilder("external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n");
        for (int i = 0; i < 20; i++) {
            String t = day + "T" + String.format("%02d", 1 + i) + ":00";
            csv.append("LOOP-").append(i).append(",N1,chat,return_refund,").append(t).append(":00,").append(t).append(":20,")
                    .append(t).append(":50,").append(i < 6 ? 9 : 2).append(",10,\n");
        }
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv.toString()).contentType("text/csv")).status());
        TrainingModule m = assessments.standard("rr", AssessmentFixtures.Settings.plain());
        modules.update(new TrainingModule(m.id(), m.code(), m.version(), m.contentHash(), m.titleEn(), m.titleZh(), m.summaryEn(),
                m.summaryZh(), m.skills(), m.categories(), m.estimatedMinutes(), m.passMark(), m.certificationMonths(),
                m.timeLimitMinutes(), m.attemptsAllowed(), m.gradingMethod(), m.questionCount(), m.shuffleQuestions(),
                m.shuffleOptions(), m.layout(), m.review(), true, m.syncedAt(), m.drawTags(), "csat//return_refund"));

        String session;
        try (Browser supervisor = Browser.open(server.getURL().toString())) {
            supervisor.signIn("sup.north", Fixtures.PASSWORD);
            supervisor.go("/attention");
            String row = supervisor.text("tr[data-agent='N1']");
            assertTrue(row.contains("CSAT"), row);
            supervisor.screenshot("loop-attention");
            supervisor.clickAndWait("tr[data-agent='N1'] td.attention-gap a");
            assertEquals("/agents/N1", supervisor.path(), supervisor.pathAndQuery());
            String gaps = supervisor.text("#hub-gaps");
            assertTrue(gaps.contains("Returns and refunds") && gaps.contains(m.titleEn()), gaps);

            // the evidence: the returns behind the figure, lowest rating first
            supervisor.clickAndWait("tr[data-gap='csat:return_refund'] td a");
            assertEquals("/interactions", supervisor.path());
            assertTrue(supervisor.pathAndQuery().contains("category=return_refund"), supervisor.pathAndQuery());
            String evidence = supervisor.text("#interactions-table");
            assertTrue(evidence.contains("LOOP-"), evidence);
            supervisor.driver().navigate().back();

            // the module that addresses it, assigned in one click (the form comes filled in; the supervisor confirms)
            supervisor.clickAndWait("tr[data-gap='csat:return_refund'] a.button[href^='/assignments/new']");
            assertEquals("/assignments/new", supervisor.path());
            assertTrue(supervisor.find("input[name='agent_N1']").isSelected(), "the agent is ticked");
            assertTrue(!supervisor.find("#f-dueOn").getAttribute("value").isBlank(), "a due date is proposed");
            supervisor.clickAndWait("#assignment-form button[type='submit']");
            List<Map<String, Object>> assigned = api.get("sup.north", "/api/assignments?agent=N1").content();
            assertTrue(assigned.stream().anyMatch(a -> "rr".equals(a.get("module"))), "assigned: " + assigned);

            // the coaching conversation about the gap
            supervisor.go("/agents/N1");
            supervisor.clickAndWait("tr[data-gap='csat:return_refund'] a.button[href*='/coaching/new']");
            assertTrue(supervisor.find("#f-focus").getAttribute("value").contains("Returns and refunds"), "the focus names the gap");
            assertEquals("csat", supervisor.find("[id='f-action0.goal.figure']").getAttribute("value"), "a goal on the gap's figure is proposed");
            supervisor.type("#f-notes", "Went through three low-rated returns together.")
                    .type("[id='f-action0.text']", "Bring CSAT on returns to the target")
                    .type("[id='f-action1.text']", "Send the return label in the first reply")
                    .setValue("[id='f-action1.dueOn']", today.plusDays(7).toString());
            supervisor.clickAndWait("#coaching-save");
            assertTrue(supervisor.path().startsWith("/coaching/"), supervisor.pathAndQuery());
            session = supervisor.path();
            String actions = supervisor.text("#coaching-actions");
            assertTrue(actions.contains("at least 80.0 %") && actions.contains("Send the return label"), actions);
            supervisor.screenshot("loop-session");
        }
        try (Browser agent = Browser.open(server.getURL().toString())) {
            agent.signIn("agent.north", Fixtures.PASSWORD);
            agent.go(session);
            assertTrue(agent.text("#coaching-actions").contains("Send the return label in the first reply"));
            agent.type("#f-comment", "Thanks, will do.");
            agent.clickAndWait("#acknowledge");
            String acknowledged = agent.text("#acknowledged");
            assertTrue(acknowledged.contains("Thanks, will do."), acknowledged);
        }
    }
}
