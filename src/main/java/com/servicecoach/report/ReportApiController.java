package com.servicecoach.report;

import com.servicecoach.account.Viewers;
import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.report.rendering.ReportFormat;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/reports/performance?from=&to=[&team=]} and its {@code .pdf}, {@code .csv} and {@code .xlsx}
 * downloads (api.md "Reports"). No team means all teams (HR and administrators only); supervisors name their
 * own team; agents get 403. Each view and download is recorded in the report audit.
 */
@Tag(name = "Reports")
@Controller("/api/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportApiController {

    private final ReportExports exports;
    private final ReportProgress progress;
    private final Viewers viewers;

    ReportApiController(ReportExports exports, ReportProgress progress, Viewers viewers) {
        this.exports = exports;
        this.progress = progress;
        this.viewers = viewers;
    }

    @Operation(summary = "The performance report of from..to (inclusive dates) for one team, or all teams without team")
    @Get("/performance")
    PerformanceReport performance(Authentication auth, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                  @Nullable @QueryValue String team) {
        return exports.view(viewers.of(auth), from, to, team, "json");
    }

    @Operation(summary = "The report as PDF (in the caller's language)")
    @Get("/performance.pdf")
    HttpResponse<StreamedFile> pdf(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String team,
                             @Nullable @QueryValue String progress) {
        return exports.download(viewers.of(auth), from, to, team, ReportFormat.PDF, progress, LocaleResolver.resolve(request));
    }

    @Operation(summary = "The report as CSV: a header row and one row per agent with every figure (UTF-8 with BOM)")
    @Get("/performance.csv")
    HttpResponse<StreamedFile> csv(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String team,
                             @Nullable @QueryValue String progress) {
        return exports.download(viewers.of(auth), from, to, team, ReportFormat.CSV, progress, LocaleResolver.resolve(request));
    }

    @Operation(summary = "The report as an Excel workbook: agents, teams, and what the report was computed with")
    @Get("/performance.xlsx")
    HttpResponse<StreamedFile> xlsx(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                              @Nullable @QueryValue String to, @Nullable @QueryValue String team,
                              @Nullable @QueryValue String progress) {
        return exports.download(viewers.of(auth), from, to, team, ReportFormat.XLSX, progress, LocaleResolver.resolve(request));
    }

    @Operation(summary = "How far a download named by progress=TOKEN has got (the caller's own downloads only)")
    @Get("/progress/{token}")
    ReportProgress.State progress(Authentication auth, @PathVariable String token) {
        return progress.get(auth.getName(), token).orElseThrow(() -> new NotFoundException("No report is being prepared as " + token));
    }
}
