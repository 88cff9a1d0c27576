package com.servicecoach.report;

import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.HttpTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: HR signs in, opens last month's report from the home page, looks at a chart and
 * downloads the PDF.
 */
@MicronautTest(transactional = false)
class ReportBrowserTest extends HttpTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ReportTestData data;
    @Inject
    Clock clock;

    @Test
    void hrOpensLastMonthsReportLooksAtAChartAndDownloadsThePdf() throws Exception {
        YearMonth last = YearMonth.now(clock.withZone(ReportTestData.SHANGHAI)).minusMonths(1);
        data.generated(last.minusMonths(1).atDay(1), last.atEndOfMonth(), 2, 21);
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.signIn("hr.lin", Fixtures.PASSWORD);
            browser.clickAndWait("#last-month-report");
            assertEquals("/reports/performance", browser.path());
            assertEquals("Performance report: All teams, " + last, browser.text("h1"));
            assertTrue(browser.text("#ranking-table").contains("王芳"));
            browser.screenshot("report-top");

            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript("document.getElementById('chart-bands').scrollIntoView()");
            browser.find("#chart-bands.drawn");
            @SuppressWarnings("unchecked")
            List<Number> drawn = (List<Number>) js.executeScript(
                    "return Chart.getChart(document.getElementById('canvas-bands')).data.datasets[0].data;");
            Map<String, Object> report = api.get("hr.lin", "/api/reports/performance?from=" + last.atDay(1) + "&to=" + last.atEndOfMonth()).json();
            Map<String, Object> bands = ReportTestData.map(ReportTestData.map(report, "charts"), "bands");
            assertEquals(List.of(bands.get("verySatisfied"), bands.get("satisfied"), bands.get("neutral"), bands.get("dissatisfied"),
                    bands.get("veryDissatisfied")), drawn.stream().map(Number::intValue).toList(), "the chart shows the report's bands");
            assertTrue((Boolean) js.executeScript("return document.querySelector('#chart-bands .chart-svg').offsetParent === null;"),
                    "the server's SVG gives way to the interactive chart");
            browser.screenshot("report-page");

            browser.click("#download-pdf");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .until(d -> browser.text("#download-progress .progress-text").startsWith("Ready"));

            String href = browser.find("#download-pdf").getAttribute("href");
            Object fetched = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => {"
                    + "  let s = ''; const bytes = new Uint8Array(b); for (let i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }"
                    + "  done([r.status, r.headers.get('Content-Type'), r.headers.get('Content-Disposition'), btoa(s)]); }))"
                    + ".catch(e => done([0, String(e), '', '']));", href);
            List<?> answer = (List<?>) fetched;
            assertEquals(200L, ((Number) answer.get(0)).longValue(), String.valueOf(answer.get(1)));
            assertEquals("application/pdf", answer.get(1));
            assertTrue(String.valueOf(answer.get(2)).contains("performance-" + last + "-all-teams.pdf"));
            byte[] pdf = Base64.getDecoder().decode((String) answer.get(3));
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains("Li Na") && text.contains("王芳") && text.contains("Tom Baker"), text);
            }
        }
        List<Map<String, Object>> audit = api.get("admin", "/api/reports/audit?user=hr.lin").content();
        assertEquals(List.of("export pdf", "export pdf", "view json", "view html"),
                audit.stream().map(e -> e.get("action") + " " + e.get("format")).toList(),
                "newest first: the two PDF downloads, the test's own JSON read, the page");
    }
}
