package com.servicecoach.report;

import com.servicecoach.report.audit.ReportAudit;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.settings.ScoringSettingsService;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report --period ... [--team] [--formats] [--out]} and the monthly job write the report's files. */
@MicronautTest(transactional = false)
class ReportCommandTest extends HttpTest {

    @Inject
    ReportCommand command;
    @Inject
    ReportTestData data;
    @Inject
    ReportFiles files;
    @Inject
    ScoringSettingsService settings;
    @Inject
    ReportAudit audit;
    @Inject
    com.servicecoach.jobs.JobLeaseStore leases;
    @Inject
    com.servicecoach.account.UserRepository users;
    @Inject
    com.servicecoach.notification.Notifications notifications;

    MonthlyReportJob monthlyJob(Clock clock, Path directory) {
        return new MonthlyReportJob(files, audit, leases, settings, users, notifications, clock, directory.toString(), "csv,pdf", "en", java.time.Duration.ofHours(1));
    }

    @TempDir
    Path out;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = command.run(List.of(args), new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void interactions() {
        data.generated(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 2, 5);
    }

    @Test
    void writesEachFormatNamedSoThatAListingSortsByPeriod() throws Exception {
        Run done = run("--period", "2026-03", "--team", "North", "--formats", "pdf,csv,xlsx,html", "--out", out.toString());
        assertEquals(0, done.code(), done.err());
        List<String> names;
        try (Stream<Path> s = Files.list(out)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("performance-2026-03-north.csv", "performance-2026-03-north.html", "performance-2026-03-north.pdf",
                "performance-2026-03-north.xlsx"), names);
        assertTrue(done.out().contains(out.resolve("performance-2026-03-north.pdf").toString()), done.out());

        byte[] csv = Files.readAllBytes(out.resolve("performance-2026-03-north.csv"));
        byte[] downloaded = http.toBlocking().exchange(HttpRequest.GET("/api/reports/performance.csv?from=2026-03-01&to=2026-03-31&team=North")
                .bearerAuth(api.token("hr.lin")), byte[].class).body();
        assertArrayEquals(downloaded, csv, "the command writes the same CSV as the download");
        try (PDDocument pdf = Loader.loadPDF(out.resolve("performance-2026-03-north.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Li Na") && text.contains("王芳"), text);
        }
        String html = Files.readString(out.resolve("performance-2026-03-north.html"));
        assertTrue(html.contains("<svg") && html.contains("王芳") && html.contains("Team comparison"), "a self-contained page with its charts");

        Api.Reply audit = api.get("admin", "/api/reports/audit?user=command-line");
        assertEquals(4, audit.content().size(), "each file written is an export in the audit record");
        assertEquals("North", audit.content().get(0).get("team"));
    }

    @Test
    void namesSortByPeriodForMonthsDatesAndQuartersAndTheDefaultIsAllTeamsInEveryFormat() throws Exception {
        assertEquals(0, run("--period", "2026-Q1", "--formats", "csv", "--out", out.toString()).code());
        assertEquals(0, run("--period", "2026-03-01..2026-03-15", "--team", "South", "--formats", "csv", "--out", out.toString()).code());
        assertEquals(0, run("--period", "2026-02", "--formats", "csv,xlsx", "--out", out.toString(), "--lang", "zh-CN").code());
        List<String> names;
        try (Stream<Path> s = Files.list(out)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("performance-2026-02-all-teams.csv", "performance-2026-02-all-teams.xlsx",
                "performance-2026-03-01_2026-03-15-south.csv", "performance-2026-Q1-all-teams.csv"), names);
        Run all = run("--period", "2026-03", "--out", out.resolve("all").toString());
        assertEquals(0, all.code(), all.err());
        try (Stream<Path> s = Files.list(out.resolve("all"))) {
            assertEquals(4, s.count(), "pdf, csv, xlsx and html by default");
        }
    }

    @Test
    void badArgumentsExitWithTwoAndAnUnknownTeamWithOneWritingNothing() throws Exception {
        assertEquals(2, run().code());
        assertEquals(2, run("--period", "March").code());
        assertTrue(run("--period", "2026-13").err().contains("not a real date"), "says why");
        assertEquals(2, run("--period", "2026-03", "--formats", "pdf,doc", "--out", out.toString()).code());
        assertTrue(run("--period", "2026-03", "--formats", "doc").err().contains("unknown format 'doc'"));
        assertEquals(2, run("--period", "2026-03", "--lang", "fr").code());
        assertEquals(2, run("--period", "2025-01-01..2026-06-30").code(), "over a year");
        assertEquals(2, run("--period").code());
        assertEquals(2, run("--period", "2026-03", "--colour", "blue").code());
        Path file = Files.writeString(out.resolve("a-file"), "x");
        assertTrue(run("--period", "2026-03", "--out", file.toString()).err().contains("is a file, not a folder"));
        Files.delete(file);
        Run unknown = run("--period", "2026-03", "--team", "Nowhere", "--out", out.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("No team Nowhere"), unknown.err());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void theReportCommandIsRegisteredLikeTheImport() throws Exception {
        java.lang.reflect.Field f = com.servicecoach.Application.class.getDeclaredField("COMMANDS");
        f.setAccessible(true);
        assertEquals(ReportCommand.class, ((java.util.Map<?, ?>) f.get(null)).get("report"));
    }

    @Test
    void theMonthlyJobWritesLastMonthsReportOnceAtTheStartOfAMonth() throws Exception {
        Clock firstOfApril = Clock.fixed(Instant.parse("2026-04-01T01:30:00Z"), ZoneId.of("UTC"));
        MonthlyReportJob job = monthlyJob(firstOfApril, out);
        List<Path> written = job.writeIfMissing();
        assertEquals(List.of(out.resolve("performance-2026-03-all-teams.csv"), out.resolve("performance-2026-03-all-teams.pdf")), written);
        assertEquals(List.of(), job.writeIfMissing(), "already written this month");
        List<Map<String, Object>> told = api.get("hr.lin", "/api/notifications").content();
        assertEquals(1, told.size(), "HR hears once that the month's report is ready");
        assertEquals("The all-teams performance report for 2026-03 is ready.", told.get(0).get("message"));
        assertEquals("/reports/performance?from=2026-03-01&to=2026-03-31", told.get(0).get("link"));
        assertEquals(0, api.get("sup.north", "/api/notifications").content().size(), "only HR");
        Files.delete(out.resolve("performance-2026-03-all-teams.pdf"));
        assertEquals(List.of(), job.writeIfMissing(), "the database records the month as written (perhaps by another instance)");
        Clock lastOfMarchInShanghai = Clock.fixed(Instant.parse("2026-03-31T15:59:00Z"), ZoneId.of("UTC"));
        assertEquals(List.of(out.resolve("performance-2026-02-all-teams.csv"), out.resolve("performance-2026-02-all-teams.pdf")),
                monthlyJob(lastOfMarchInShanghai, out).writeIfMissing(),
                "months are those of the organization's zone");
        assertEquals(4, api.get("admin", "/api/reports/audit?user=monthly-job").content().size(), "every file written is audited");
    }

    @Test
    void anotherInstanceWithItsOwnReportsDirectoryDoesNotWriteTheMonthAgain() throws Exception {
        Clock firstOfApril = Clock.fixed(Instant.parse("2026-04-01T01:30:00Z"), ZoneId.of("UTC"));
        assertEquals(2, monthlyJob(firstOfApril, out.resolve("instance-a")).writeIfMissing().size());
        assertEquals(List.of(), monthlyJob(firstOfApril, out.resolve("instance-b")).writeIfMissing());
        assertFalse(Files.exists(out.resolve("instance-b")), "nothing written on the second instance");
    }
}
