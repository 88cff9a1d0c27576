package com.servicecoach.browser;

import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key flows in headless Chromium against the running application. */
@MicronautTest(transactional = false)
class AgentsBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
    }

    @Test
    void supervisorCreatesAnAgentAndFindsItInTheList() {
        try (Browser b = Browser.open(server.getURL().toString())) {
            b.signIn("sup.north", Fixtures.PASSWORD);
            b.go("/agents/new");
            b.type("#f-employeeNo", "N77");
            b.type("#f-name", "赵雷");
            b.type("#f-email", "not-an-email");
            new Select(b.find("#f-team")).selectByVisibleText("North");
            b.click("input[name=channel_chat]");
            b.clickAndWait("#agent-form button[type=submit]");
            assertTrue(b.text("#e-email").contains("valid email"), "the form comes back with the field's error");
            assertEquals("赵雷", b.find("#f-name").getAttribute("value"), "entered values are kept");

            assertTrue(b.find("input[name=channel_chat]").isSelected(), "the ticked channel stays ticked");
            b.type("#f-email", "zhao.lei@shop.test");
            b.clickAndWait("#agent-form button[type=submit]");
            assertEquals("/agents/N77", b.path());

            b.go("/agents");
            b.type("#q", "赵雷");
            b.clickAndWait(".filters button[type=submit]");
            String table = b.text("#agents-table tbody");
            assertTrue(table.contains("N77") && table.contains("North"), table);
            b.screenshot("agents-list");
        }
    }

    @Test
    void agentCannotOpenUserAdministration() {
        try (Browser b = Browser.open(server.getURL().toString())) {
            b.signIn("agent.north", Fixtures.PASSWORD);
            assertTrue(b.driver().findElements(By.cssSelector("a[href='/admin/users']")).isEmpty(), "no menu entry");
            b.go("/admin/users");
            assertTrue(b.text("h1").contains("Not allowed"), b.text("h1"));
        }
    }
}
