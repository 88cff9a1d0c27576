package com.servicecoach.browser;

import com.servicecoach.interaction.ImportInteractionsCommand;
import com.servicecoach.demo.InteractionGenerator;
import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.HttpTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages under the Content-Security-Policy in headless Chromium: every role's pages load their scripts and
 * styles and draw their charts without a single policy violation or script error, and Swagger UI still renders.
 */
@MicronautTest(transactional = false)
class ContentSecurityPolicyBrowserTest extends HttpTest {

    /** Runs before any script of every page: records policy violations and uncaught errors. */
    static final String RECORDER = "window.__csp = []; window.__errors = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' blocked '"
            + " + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));"
            + "window.addEventListener('error', e => window.__errors.push(e.message + ' at ' + e.filename + ':' + e.lineno));"
            + "window.addEventListener('unhandledrejection', e => window.__errors.push('unhandled rejection: ' + e.reason));";

    @Inject
    EmbeddedServer server;
    @Inject
    ImportInteractionsCommand importer;
    @Inject
    Clock clock;

    private void interactions() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        YearMonth month = YearMonth.now(clock.withZone(zone));
        LocalDate first = month.minusMonths(1).atDay(1);
        LocalDate last = LocalDate.now(clock.withZone(zone));
        StringWriter csv = new StringWriter();
        InteractionGenerator.write(List.of(
                        new InteractionGenerator.AgentProfile("N1", List.of("chat", "email"), 1.0),
                        new InteractionGenerator.AgentProfile("N2", List.of("phone"), 1.5),
                        new InteractionGenerator.AgentProfile("S1", List.of("chat"), 0.8)),
                new InteractionGenerator.Options(5, first, last, zone, clock.instant(), 2, false, "CSP-"), csv);
        Path file = Files.createTempFile("csp-", ".csv");
        try {
            Files.writeString(file, csv.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, importer.run(List.of(file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream())), out.toString(StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Browser open(String base) {
        Browser b = Browser.open(base);
        ((ChromeDriver) b.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
        return b;
    }

    /** Loads a page, lets its deferred scripts run, and returns what went wrong on it. */
    @SuppressWarnings("unchecked")
    private static List<String> problems(Browser b, String path) {
        b.go(path);
        JavascriptExecutor js = (JavascriptExecutor) b.driver();
        new WebDriverWait(b.driver(), Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        b.find("body");
        sleep(300); // charts and autosave timers start after load
        List<String> found = new ArrayList<>();
        ((List<Object>) js.executeScript("return (window.__csp || []).concat(window.__errors || []);"))
                .forEach(p -> found.add(path + ": " + p));
        if (js.executeScript("return window.__csp === undefined") == Boolean.TRUE) {
            found.add(path + ": the recorder did not run");
        }
        return found;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyRolesPagesRunUnderThePolicyWithoutViolations() throws Exception {
        interactions();
        YearMonth lastMonth = YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusMonths(1);
        String period = "from=" + lastMonth.atDay(1) + "&to=" + lastMonth.atEndOfMonth();
        Map<String, List<String>> pages = Map.of(
                "admin", List.of("/", "/admin/users", "/admin/users/new", "/agents", "/agents/N1", "/teams", "/admin/settings",
                        "/modules", "/interactions", "/interactions/import", "/admin/audit", "/notifications"),
                "hr.lin", List.of("/", "/reports", "/reports/performance?" + period, "/reports/thresholds", "/scorecards",
                        "/scorecards/teams/North?" + period, "/scorecards/how", "/training-matrix", "/item-analysis", "/certifications", "/attention"),
                "sup.north", List.of("/", "/agents", "/agents/new", "/scorecards/agents/N1?" + period, "/assignments", "/grading", "/attention",
                        "/surveys/links"),
                "agent.north", List.of("/", "/my-training", "/my-assessments", "/scorecards/me", "/notifications"));
        List<String> problems = new ArrayList<>();
        try (Browser b = open(server.getURL().toString())) {
            problems.addAll(problems(b, "/login"));
            for (Map.Entry<String, List<String>> role : pages.entrySet()) {
                b.driver().manage().deleteAllCookies();
                b.signIn(role.getKey(), Fixtures.PASSWORD);
                for (String path : role.getValue()) {
                    problems.addAll(problems(b, path));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void chartsAreDrawnUnderThePolicy() throws Exception {
        interactions();
        YearMonth lastMonth = YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusMonths(1);
        try (Browser b = open(server.getURL().toString())) {
            b.signIn("hr.lin", Fixtures.PASSWORD);
            assertEquals(List.of(), problems(b, "/reports/performance?from=" + lastMonth.atDay(1) + "&to=" + lastMonth.atEndOfMonth()));
            JavascriptExecutor js = (JavascriptExecutor) b.driver();
            js.executeScript("document.getElementById('chart-bands').scrollIntoView()");
            b.find("#chart-bands.drawn");
            assertEquals(Boolean.TRUE, js.executeScript("return Chart.getChart(document.getElementById('canvas-bands')) !== undefined;"),
                    "Chart.js ran and drew the bands");
        }
    }

    @Test
    void theRecorderSeesAViolationWhenThereIsOne() {
        try (Browser b = open(server.getURL().toString())) {
            assertEquals(List.of(), problems(b, "/login"));
            JavascriptExecutor js = (JavascriptExecutor) b.driver();
            js.executeScript("const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.appendChild(s);");
            new WebDriverWait(b.driver(), Duration.ofSeconds(5)).until(d -> ((Number) ((JavascriptExecutor) d)
                    .executeScript("return window.__csp.length")).intValue() > 0);
            assertEquals(null, js.executeScript("return window.__ran === undefined ? null : window.__ran;"), "the inline script was blocked");
            assertTrue(js.executeScript("return window.__csp[0]").toString().startsWith("script-src"), "recorded");
        }
    }

    @Test
    void swaggerUiStillRendersTheApi() {
        try (Browser b = open(server.getURL().toString())) {
            List<String> problems = problems(b, "/swagger-ui/index.html");
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(
                    ".swagger-ui .opblock")).isEmpty());
            assertTrue(b.text(".swagger-ui .info").contains("ServiceCoach"), b.text(".swagger-ui .info"));
            assertTrue(b.text(".swagger-ui").contains("/api/agents"), "the operations are listed");
            sleep(500);
            @SuppressWarnings("unchecked")
            List<Object> late = (List<Object>) ((JavascriptExecutor) b.driver()).executeScript("return window.__csp.concat(window.__errors);");
            late.forEach(p -> problems.add("later: " + p));
            assertEquals(List.of(), problems.stream().distinct().toList());
        }
    }
}
