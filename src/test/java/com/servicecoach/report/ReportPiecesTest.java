package com.servicecoach.report;

import com.servicecoach.scorecard.ScorecardJson;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.InteractionFacts;
import com.servicecoach.scoring.ScorecardCalculator;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.settings.SettingsDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's rules that need no database: buckets, flags, changes, file names, formats, progress. */
class ReportPiecesTest {

    static final ScoringSettings SETTINGS = ScoringSettings.defaults();

    static InteractionFacts answered(Channel channel, String createdShanghai, long seconds) {
        Instant created = ReportTestData.at(createdShanghai);
        return new InteractionFacts(channel, created, created.plusSeconds(seconds), null, null);
    }

    @Test
    void firstResponseTimesFallIntoBucketsByTheirStartAndUnansweredOnesIntoNone() {
        List<InteractionFacts> facts = List.of(answered(Channel.CHAT, "2026-03-02T10:00:00", 0), answered(Channel.CHAT, "2026-03-02T10:00:00", 59),
                answered(Channel.CHAT, "2026-03-02T10:00:00", 60), answered(Channel.CHAT, "2026-03-02T10:00:00", 3599),
                answered(Channel.CHAT, "2026-03-02T10:00:00", 86_400), answered(Channel.PHONE, "2026-03-02T10:00:00", 900),
                // an email at 17:50 on Friday answered on Monday at 09:20: 30 business minutes, not 2.6 days
                answered(Channel.EMAIL, "2026-03-06T17:50:00", 2 * 86_400 + 15 * 3600 + 30 * 60),
                new InteractionFacts(Channel.CHAT, ReportTestData.at("2026-03-02T10:00:00"), null, null, 9));
        List<PerformanceReport.FrtBucket> buckets = PerformanceReportService.frtBuckets(com.servicecoach.scoring.Tally.of(facts, SETTINGS));
        assertEquals(List.of("under1m", "1to5m", "5to15m", "15to60m", "1to4h", "4to24h", "over24h"),
                buckets.stream().map(PerformanceReport.FrtBucket::key).toList());
        assertEquals(List.of(2, 1, 0, 3, 0, 0, 1), buckets.stream().map(PerformanceReport.FrtBucket::count).toList());
        assertEquals(900L, buckets.get(3).fromSeconds());
        assertEquals(3600L, buckets.get(3).toSeconds());
        assertNull(buckets.get(6).toSeconds(), "the last bucket has no upper end");
    }

    static ScorecardJson card(int rated, int satisfied) {
        List<InteractionFacts> facts = new ArrayList<>();
        for (int i = 0; i < rated; i++) {
            Instant t = ReportTestData.at("2026-03-02T10:00:00").plusSeconds(i);
            facts.add(new InteractionFacts(Channel.CHAT, t, t.plusSeconds(i < satisfied ? 10 : 120), t.plusSeconds(600), i < satisfied ? 9 : 3));
        }
        ScoringSettingsService.Current current = new ScoringSettingsService.Current(0, "0123456789abcdef", SETTINGS,
                new SettingsDocument(0, "0123456789abcdef", null, null, "Asia/Shanghai", 10, null, null));
        return ScorecardJson.of(ScorecardCalculator.compute(facts, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), SETTINGS,
                null, Instant.parse("2026-06-01T00:00:00Z")), current);
    }

    static Thresholds limits(String csat, String frt, String res, String knowledge) {
        return new Thresholds(1, csat == null ? null : new BigDecimal(csat), frt == null ? null : new BigDecimal(frt),
                res == null ? null : new BigDecimal(res), knowledge == null ? null : new BigDecimal(knowledge), null, null);
    }

    @Test
    void aShownFigureBelowAThresholdFlagsTheAgentButCsatOnlyWithEnoughRatings() {
        ScorecardJson twelve = card(12, 8); // CSAT 66.7 %, first-response SLA 66.7 %
        assertEquals(new BigDecimal("66.7"), twelve.csatPercent());
        List<PerformanceReport.Flag> flags = PerformanceReportService.flags(twelve, TrainingCompliance.Counts.NONE, null,
                limits("70", "66.7", "50", "60"));
        assertEquals(List.of(new PerformanceReport.Flag("csat", new BigDecimal("66.7"), new BigDecimal("70"), null)), flags,
                "66.7 is not below 66.7; resolution 100 is fine; knowledge is absent, so not checked");
        ScorecardJson few = card(4, 1);
        assertTrue(few.insufficientRatings());
        assertEquals(List.of("first_response_sla"), PerformanceReportService.flags(few, TrainingCompliance.Counts.NONE, null,
                limits("70", "80", null, null)).stream().map(PerformanceReport.Flag::reason).toList(), "four ratings say too little about CSAT");
        assertEquals(List.of("overdue_training", "expired_certification"), PerformanceReportService.flags(twelve,
                new TrainingCompliance.Counts(3, 0, 1, 2), new CertificationFacts.Counts(1, 0, 1), limits(null, null, null, null))
                .stream().map(PerformanceReport.Flag::reason).toList());
    }

    @Test
    void changesAreTheShownFiguresDifferenceAndAbsentWhenEitherIsAbsent() {
        ScorecardJson now = card(12, 8);
        ScorecardJson before = card(12, 6);
        PerformanceReport.Change change = PerformanceReportService.change(now, before);
        assertEquals(now.csatPercent().subtract(before.csatPercent()), change.csatPercent());
        assertEquals(new BigDecimal("16.7"), change.csatPercent(), "66.7 - 50.0");
        assertEquals(0, change.interactions());
        PerformanceReport.Change fromNothing = PerformanceReportService.change(now, card(0, 0));
        assertNull(fromNothing.csatPercent());
        assertEquals(12, fromNothing.interactions());
    }

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
    void formatsAreParsedFromACommaListAndAnUnknownOneIsNamed() {
        assertEquals(List.of(ReportFormat.XLSX, ReportFormat.PDF), ReportFormat.parseList(" xlsx, PDF ,xlsx"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parseList("pdf,docx"));
        assertTrue(e.getMessage().contains("'docx'"));
        assertThrows(IllegalArgumentException.class, () -> ReportFormat.parseList(" , "));
    }

    @Test
    void theNextPeriodIsTheNextMonthQuarterOrAsManyDays() {
        assertEquals(ReportPeriod.parse("2027-01"), ReportPeriod.parse("2026-12").next());
        assertEquals(ReportPeriod.parse("2027-Q1"), ReportPeriod.parse("2026-Q4").next());
        assertEquals(ReportPeriod.parse("2026-03-16..2026-03-30"), ReportPeriod.parse("2026-03-01..2026-03-15").next());
        assertEquals(ReportPeriod.parse("2026-03"), ReportPeriod.parse("2026-03").next().previous());
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

    @Test
    void changesAreWrittenWithTheirSign() {
        ReportText rt = new ReportText(new com.servicecoach.web.Messages(), java.util.Locale.ENGLISH,
                new com.servicecoach.web.Formats(new com.servicecoach.web.Messages(), java.util.Locale.ENGLISH, java.time.ZoneId.of("UTC")),
                java.time.ZoneId.of("UTC"));
        assertEquals("+1.5", rt.signed(new BigDecimal("1.5")));
        assertEquals("-0.3", rt.signed(new BigDecimal("-0.3")));
        assertEquals("0.0", rt.signed(new BigDecimal("0.0")));
        assertEquals("—", rt.signed(null));
        assertEquals("-1 min 5 s", rt.signedDuration(-65L));
        assertEquals("better", rt.trend(-5L, true));
        assertEquals("worse", rt.trend(new BigDecimal("-0.1"), false));
    }
}
