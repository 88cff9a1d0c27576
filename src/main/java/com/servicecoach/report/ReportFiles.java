package com.servicecoach.report;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.report.audit.AuditEntry;
import com.servicecoach.report.audit.ReportAudit;
import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.report.building.PerformanceReportService;
import com.servicecoach.report.building.ReportPeriod;
import com.servicecoach.report.rendering.ReportFormat;
import com.servicecoach.report.rendering.ReportWriter;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names report files so that a directory listing sorts them by period, and writes them (the command line and
 * the monthly job): {@code performance-<period>-<scope>.<ext>}, the period as {@code 2026-03}, {@code 2026-Q1}
 * or {@code 2026-03-01_2026-03-15}, the scope {@code all-teams} or the team's name in lower case with every run
 * of other characters than letters and digits made one hyphen (Chinese letters kept): "Team A" is {@code team-a}.
 */
@Singleton
public class ReportFiles {

    private final PerformanceReportService reports;
    private final ReportWriter writer;
    private final ReportAudit audit;

    ReportFiles(PerformanceReportService reports, ReportWriter writer, ReportAudit audit) {
        this.reports = reports;
        this.writer = writer;
        this.audit = audit;
    }

    /** The file name of a report. */
    public static String name(ReportPeriod period, @Nullable String team, ReportFormat format) {
        String when = period.kind() == ReportPeriod.Kind.DAYS ? period.from() + "_" + period.to() : period.label();
        return "performance-" + when + "-" + slug(team) + "." + format.extension();
    }

    static String slug(@Nullable String team) {
        if (team == null) {
            return "all-teams";
        }
        String s = Normalizer.normalize(team, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        // a team called "All teams" must not take the all-teams report's name
        return s.isEmpty() ? "team" : s.equals("all-teams") ? "team-all-teams" : s;
    }

    /**
     * Builds the report and writes each format into {@code directory} (created if needed; a file of the same
     * name is replaced whole, never left half-written). Each file written is recorded as an export by
     * {@code who} (a user name such as {@code command-line}).
     */
    public List<Path> write(String who, ReportPeriod period, @Nullable String team, List<ReportFormat> formats,
                            Path directory, Locale locale) throws IOException {
        Viewer system = new Viewer(who, Role.ADMIN, null);
        PerformanceReport report = reports.build(system, period, team, PerformanceReportService.Progress.NONE);
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            Path target = directory.resolve(name(period, report.team(), format));
            // written beside the target under a hidden name (with the folder's usual permissions), then renamed
            Path temp = directory.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
            try {
                try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp))) {
                    writer.write(report, format, locale, out);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            audit.record(system, AuditEntry.EXPORT, format.extension(), period, report.team());
            written.add(target);
        }
        return written;
    }
}
