package com.servicecoach.report;

import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.Messages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * At the start of each month, writes the previous month's all-teams report into the reports directory.
 * It checks every hour (and a minute after start-up) whether last month's files are there, and writes the
 * missing ones, so a server that was down on the 1st catches up when it starts. Months are those of the
 * organization's zone. Off when {@code servicecoach.reports.monthly-job} is false (tests, the command line);
 * formats and language from {@code servicecoach.reports.monthly-formats} and {@code .monthly-language}.
 */
@Singleton
@Requires(property = "servicecoach.reports.monthly-job", value = "true", defaultValue = "true")
class MonthlyReportJob {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyReportJob.class);
    static final String USER = "monthly-job";

    private final ReportFiles files;
    private final ScoringSettingsService settings;
    private final Clock clock;
    private final Path directory;
    private final List<ReportFormat> formats;
    private final String language;

    MonthlyReportJob(ReportFiles files, ScoringSettingsService settings, Clock clock,
                     @Value("${servicecoach.reports.directory:reports}") String directory,
                     @Value("${servicecoach.reports.monthly-formats:pdf,csv,xlsx}") String formats,
                     @Value("${servicecoach.reports.monthly-language:en}") String language) {
        this.files = files;
        this.settings = settings;
        this.clock = clock;
        this.directory = Path.of(directory);
        this.formats = ReportFormat.parseList(formats);
        this.language = language;
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "1h")
    void run() {
        try {
            writeIfMissing();
        } catch (IOException | RuntimeException e) {
            LOG.error("The monthly report could not be written", e);
        }
    }

    /** Writes last month's report unless all its files exist; returns the files written. */
    List<Path> writeIfMissing() throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(settings.current().settings().orgZone()));
        ReportPeriod last = ReportPeriod.parse(YearMonth.from(today).minusMonths(1).toString());
        boolean complete = formats.stream().allMatch(f -> Files.exists(directory.resolve(ReportFiles.name(last, null, f))));
        if (complete) {
            return List.of();
        }
        List<Path> written = files.write(USER, last, null, formats, directory, Messages.fromTag(language));
        LOG.info("Monthly report {} written: {}", last.label(), written);
        return written;
    }
}
