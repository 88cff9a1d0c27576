package com.servicecoach.report;

import com.servicecoach.report.building.PerformanceReportService;
import com.servicecoach.report.building.ReportPeriod;
import com.servicecoach.report.rendering.ReportFormat;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's rules that need no database: file names, the download's name, progress. */
class ReportPiecesTest {

    @Test
    void fileNamesSortByPeriodAndNameTheScope() {
        assertEquals("performance-2026-03-all-teams.pdf", ReportFiles.name(ReportPeriod.parse("2026-03"), null, ReportFormat.PDF));
        assertEquals("performance-2026-Q1-team-a.csv", ReportFiles.name(ReportPeriod.parse("2026-Q1"), "Team A", ReportFormat.CSV));
        assertEquals("performance-2026-03-01_2026-03-15-north.xlsx",
                ReportFiles.name(ReportPeriod.parse("2026-03-01..2026-03-15"), "North", ReportFormat.XLSX));
        assertEquals("华东-一组", ReportFiles.slug("华东 / 一组"));
        assertEquals("team-all-teams", ReportFiles.slug("All Teams"), "a team cannot take the all-teams name");
        assertEquals("team", ReportFiles.slug("!!!"));
        List<String> names = new ArrayList<>(List.of(ReportFiles.name(ReportPeriod.parse("2026-02"), null, ReportFormat.CSV),
                ReportFiles.name(ReportPeriod.parse("2025-12"), null, ReportFormat.CSV),
                ReportFiles.name(ReportPeriod.parse("2026-01"), null, ReportFormat.CSV)));
        names.sort(null);
        assertEquals(List.of("performance-2025-12-all-teams.csv", "performance-2026-01-all-teams.csv", "performance-2026-02-all-teams.csv"), names);
        assertEquals("attachment; filename=\"performance-2026-03-__.pdf\"; filename*=UTF-8''performance-2026-03-%E5%8D%8E%E4%B8%9C.pdf",
                ReportExports.disposition("performance-2026-03-华东.pdf"));
    }

    @Test
    void progressIsKeptPerUserAndToken() {
        ReportProgress progress = new ReportProgress(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));
        PerformanceReportService.Progress p = progress.track("hr.lin", "token-12345");
        p.step("teams", 1, 4);
        assertEquals(new ReportProgress.State("teams", 1, 4, 15, false, false), progress.get("hr.lin", "token-12345").orElseThrow());
        assertTrue(progress.get("sup.north", "token-12345").isEmpty(), "another user's download is unknown");
        progress.finished("hr.lin", "token-12345");
        assertTrue(progress.get("hr.lin", "token-12345").orElseThrow().finished());
        assertEquals(PerformanceReportService.Progress.NONE, progress.track("hr.lin", "bad token!"));
    }
}
