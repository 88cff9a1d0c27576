package com.servicecoach.promise;

import com.servicecoach.support.Api;
import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a real browser: a supervisor opens the open promises, widens and narrows the window, and opens a contact. */
@MicronautTest(transactional = false)
class PromisesBrowserTest extends HttpTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aSupervisorSeesTheOverdueRefundFirstChangesTheWindowAndOpensTheContact() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String csv = PromiseApiTest.HEADER + "\n"
                + PromiseApiTest.row("CHAT-LATER", "N1", "chat", "order_status", now.minus(Duration.ofHours(4)), "", "", "") + "\n"
                + PromiseApiTest.row("REF-1", "N1", "email", "return_refund", Instant.parse("2026-03-06T09:00:00Z"), "", "", "N2") + "\n"
                + PromiseApiTest.row("SOCIAL-FAR", "N2", "social", "other", now.minus(Duration.ofHours(1)), "", "", "") + "\n";
        Api.Reply imported = api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv"));
        assertEquals(200, imported.status(), imported.body());

        try (Browser b = Browser.open(server.getURL().toString())) {
            b.signIn("sup.north", Fixtures.PASSWORD);
            b.go("/");
            b.find("a[href='/promises']").getAttribute("href"); // in the menu
            b.go("/promises");
            assertEquals("Open promises", b.text("h1"));
            List<WebElement> rows = b.driver().findElements(By.cssSelector("#promise-table tbody tr"));
            assertEquals(2, rows.size(), b.text("#promise-table tbody"));
            WebElement first = rows.get(0);
            assertTrue(first.getAttribute("class").contains("overdue"), first.getAttribute("class"));
            assertTrue(first.getText().contains("REF-1") && first.getText().contains("Overdue"), first.getText());
            assertEquals("王芳 N2", first.findElement(By.cssSelector("td.owner")).getText(), "under its owner");
            assertTrue(first.findElement(By.cssSelector("td.handler")).getText().contains("Li Na"), "handled by N1");
            assertTrue(b.text("#promise-owners tbody").startsWith("王芳 N2 North 1 0"), b.text("#promise-owners tbody"));
            assertTrue(b.text("#promise-freshness").contains("As of the latest import"), b.text("#promise-freshness"));
            assertFalse(b.text("#promise-table").contains("SOCIAL-FAR"), "due in 47 hours: not within 24");
            b.screenshot("promises");

            b.choose("#within", "72h");
            b.clickAndWait("#promise-form button[type=submit]");
            assertTrue(b.pathAndQuery().startsWith("/promises?within=72h"), b.pathAndQuery());
            assertTrue(b.text("#promise-table").contains("SOCIAL-FAR"), b.text("#promise-table"));
            assertEquals("72h", b.find("#within").getAttribute("value"), "the window chosen stays chosen");

            b.choose("#within", "1h");
            b.clickAndWait("#promise-form button[type=submit]");
            assertEquals(1, b.driver().findElements(By.cssSelector("#promise-table tbody tr")).size(), b.text("#promise-table"));

            b.clickAndWait("#promise-table tbody tr:first-child a.contact-link");
            assertEquals("/interactions", b.path());
            assertTrue(b.pathAndQuery().contains("externalId=REF-1"), b.pathAndQuery());
            String list = b.text("#interactions-table");
            assertTrue(list.contains("REF-1"), list);
        }
    }
}
