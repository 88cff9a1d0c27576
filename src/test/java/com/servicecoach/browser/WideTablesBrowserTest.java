package com.servicecoach.browser;

import com.servicecoach.report.ReportTestData;
import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.HttpTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At 1366 px, the width of a common office laptop: the team ranking and the report's tables show the columns
 * that matter without a horizontal scrollbar; with every column shown, the agent's name stays in view while the
 * table scrolls.
 */
@MicronautTest(transactional = false)
class WideTablesBrowserTest extends HttpTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ReportTestData data;

    /** Whether the table's scroll box needs a horizontal scrollbar. */
    static boolean overflows(JavascriptExecutor js, String table) {
        return (Boolean) js.executeScript("var box = document.getElementById(arguments[0]).closest('.table-scroll');"
                + "return box.scrollWidth > box.clientWidth + 1;", table);
    }

    @Test
    void theKeyColumnsFitAt1366PixelsAndTheFirstColumnStaysInView() {
        data.generated(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 4, 17);
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.driver().manage().window().setSize(new Dimension(1366, 900));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            browser.signIn("sup.north", Fixtures.PASSWORD);
            browser.go("/scorecards/teams/North?from=2026-03-01&to=2026-03-31");
            assertTrue(!overflows(js, "ranking"), "the team ranking fits");
            @SuppressWarnings("unchecked")
            List<String> headers = (List<String>) js.executeScript("return Array.from(document.querySelectorAll('#ranking thead th'))"
                    + ".filter(function (th) { return th.offsetParent !== null; }).map(function (th) { return th.textContent.trim(); });");
            assertEquals("Agent", headers.get(0));
            assertTrue(headers.get(2).startsWith("Composite") && headers.contains("Knowledge"), headers.toString());
            assertTrue(!headers.contains("Average rating"), "details on demand: " + headers);

            browser.driver().manage().deleteAllCookies();
            browser.signIn("hr.lin", Fixtures.PASSWORD);
            browser.go("/reports/performance?from=2026-03-01&to=2026-03-31");
            assertTrue(!overflows(js, "ranking-table"), "the report's ranking fits");
            assertTrue(!overflows(js, "teams-table"), "the team comparison fits");
            browser.find("label[for=ranking-all]").click();
            assertTrue((Boolean) js.executeScript("return document.querySelector('#ranking-table th.more').offsetParent !== null;"),
                    "every column on demand");
            @SuppressWarnings("unchecked")
            Map<String, Number> moved = (Map<String, Number>) js.executeScript(
                    "var box = document.getElementById('ranking-table').closest('.table-scroll');"
                    + "var first = document.querySelector('#ranking-table tbody th');"
                    + "var before = first.getBoundingClientRect().left; box.scrollLeft = 400;"
                    + "return {scrolled: box.scrollLeft, before: before, after: first.getBoundingClientRect().left};");
            if (moved.get("scrolled").doubleValue() > 0) {
                assertEquals(moved.get("before").doubleValue(), moved.get("after").doubleValue(), 1.0, "the agent column stays: " + moved);
            }
            browser.screenshot("report-1366");
        }
    }
}
