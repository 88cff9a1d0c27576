package com.servicecoach.report;

import com.servicecoach.account.Viewer;
import com.servicecoach.report.audit.AuditEntry;
import com.servicecoach.report.audit.ReportAudit;
import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.report.building.PerformanceReportService;
import com.servicecoach.report.building.ReportPeriod;
import com.servicecoach.report.rendering.ReportFormat;
import com.servicecoach.report.rendering.ReportWriter;
import com.servicecoach.web.DateParams;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import io.micronaut.http.server.types.files.StreamedFile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The report's downloads ({@code .pdf}, {@code .csv}, {@code .xlsx} under {@code /reports} and {@code /api/reports})
 * and views: the period from {@code from}/{@code to} (400 when missing or malformed), the scope and access of
 * {@link PerformanceReportService#scope}, each success recorded in the audit.
 */
@Singleton
class ReportExports {

    private final PerformanceReportService reports;
    private final ReportWriter writer;
    private final ReportAudit audit;
    private final ReportProgress progress;

    ReportExports(PerformanceReportService reports, ReportWriter writer, ReportAudit audit, ReportProgress progress) {
        this.reports = reports;
        this.writer = writer;
        this.audit = audit;
        this.progress = progress;
    }

    /** The period of {@code from}..{@code to}: 400 when either is missing or malformed, or the period too long. */
    static ReportPeriod period(@Nullable String from, @Nullable String to) {
        LocalDate[] p = DateParams.period(from, to);
        return PerformanceReportService.checked(ReportPeriod.of(p[0], p[1]));
    }

    /** The report, recorded as viewed in {@code format} (html or json). */
    PerformanceReport view(Viewer viewer, @Nullable String from, @Nullable String to, @Nullable String team, String format) {
        ReportPeriod period = period(from, to);
        PerformanceReport report = reports.build(viewer, period, team, PerformanceReportService.Progress.NONE);
        audit.record(viewer, AuditEntry.VIEW, format, period, report.team());
        return report;
    }

    /** A download, recorded as exported; {@code token} names its progress for the page. */
    MutableHttpResponse<StreamedFile> download(Viewer viewer, @Nullable String from, @Nullable String to, @Nullable String team,
                                               ReportFormat format, @Nullable String token, Locale locale) {
        Path temp = null;
        try {
            ReportPeriod period = period(from, to);
            PerformanceReport report = reports.build(viewer, period, team, progress.track(viewer.username(), token));
            progress.rendering(viewer.username(), token);
            // written to a temporary file, then sent from it (and the file deleted once sent): the download
            // never sits in memory whole, whatever the number of agents
            temp = Files.createTempFile("servicecoach-download-", "." + format.extension());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                writer.write(report, format, locale, out);
            }
            audit.record(viewer, AuditEntry.EXPORT, format.extension(), period, report.team());
            progress.finished(viewer.username(), token);
            String name = ReportFiles.name(period, report.team(), format);
            long length = Files.size(temp);
            InputStream in = Files.newInputStream(temp, StandardOpenOption.DELETE_ON_CLOSE);
            temp = null;
            return HttpResponse.ok(new StreamedFile(in, io.micronaut.http.MediaType.of(format.contentType()), Instant.now().toEpochMilli(), length))
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition(name))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        } catch (IOException e) {
            progress.failed(viewer.username(), token);
            throw new UncheckedIOException("Could not write the report", e);
        } catch (RuntimeException e) {
            progress.failed(viewer.username(), token);
            throw e;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // left to the temporary folder's own clean-up
                }
            }
        }
    }

    /** {@code attachment} with an ASCII name and the exact UTF-8 name (RFC 6266). */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
