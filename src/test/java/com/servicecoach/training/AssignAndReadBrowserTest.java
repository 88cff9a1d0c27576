package com.servicecoach.training;

import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: a supervisor assigns a module to their team; an agent of that team is notified, finds
 * it in their training queue, opens it and reads a lesson, which the module page then shows as read.
 */
@MicronautTest(transactional = false)
class AssignAndReadBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    TrainingContent content;
    @Inject
    java.time.Clock clock;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        content.reload();
    }

    @Test
    void supervisorAssignsTheTeamAndAnAgentReadsALessonFromTheQueue() {
        String due = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(14).toString();
        try (Browser supervisor = Browser.open(server.getURL().toString())) {
            supervisor.signIn("sup.north", Fixtures.PASSWORD);
            supervisor.go("/modules/greeting-attitude").clickAndWait("a[href='/assignments/new?module=greeting-attitude']");
            assertEquals("/assignments/new?module=greeting-attitude", supervisor.pathAndQuery());
            supervisor.click("input[name=target][value=team]");
            supervisor.choose("#f-team", "North").setValue("#f-dueOn", due);
            supervisor.clickAndWait("#assignment-form button[type=submit]");
            assertEquals("/assignments?done=created&module=greeting-attitude", supervisor.pathAndQuery());
            String table = supervisor.text("#assignments-table");
            assertTrue(table.contains("N1 · Li Na") && table.contains("N2 · 王芳") && table.contains(due), table);
            supervisor.screenshot("training-assignments");
        }
        try (Browser agent = Browser.open(server.getURL().toString())) {
            agent.signIn("agent.north", Fixtures.PASSWORD);
            assertEquals("1", agent.text("#notification-count"));
            agent.clickAndWait("nav a[href='/my-training']");
            String open = agent.text("#queue-open");
            assertTrue(open.contains("Service attitude and greeting") && open.contains(due), open);
            agent.clickAndWait("#queue-open a[href='/modules/greeting-attitude']");
            assertTrue(agent.text("#lesson-list").contains("not read yet"));
            agent.clickAndWait("#lesson-list a[href='/modules/greeting-attitude/lessons/01-first-reply']");
            assertEquals("The First Reply: Prompt, Warm and Personal", agent.text("#lesson-body h1"));
            assertTrue(agent.text("#lesson-read").length() > 0);
            agent.screenshot("training-lesson");
            agent.clickAndWait("a[href='/modules/greeting-attitude'].button, .lesson-nav a[href='/modules/greeting-attitude']");
            String first = agent.text("#lesson-list li:first-child");
            assertTrue(first.contains("read") && !first.contains("not read"), first);
            assertTrue(agent.text("#progress").contains("Lessons read: 1 of 3"), agent.text("#progress"));
        }
    }
}
