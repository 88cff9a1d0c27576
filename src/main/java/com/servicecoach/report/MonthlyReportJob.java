package com.servicecoach.report;

import com.servicecoach.account.Role;
import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.jobs.JobLeaseStore;
import com.servicecoach.notification.Notifications;
import com.servicecoach.report.audit.ReportAudit;
import com.servicecoach.report.building.ReportPeriod;
import com.servicecoach.report.rendering.ReportFormat;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * At the start of each month, writes the previous month's all-teams report into the reports directory.
 * It checks every hour (and a minute after start-up) whether last month's files are there, and writes the
 * missing ones, so a server that was down on the 1st catches up when it starts. Months are those of the
 * organization's zone. Off when {@code servicecoach.reports.monthly-job} is false (tests, the command line);
 * formats and language from {@code servicecoach.reports.monthly-formats} and {@code .monthly-language}. Once
 * written, every HR user is notified with a link to the report (and, by email when they chose so, the files).
 *
 * <p>With several instances the check runs on one at a time ({@link JobLeaseStore}), and a month counts as written
 * once the database records the monthly job's export of every format (report_audit), so a month is written
 * once even when each instance has a reports directory of its own (the files are then on that instance).
 */
@Singleton
@Requires(property = "servicecoach.reports.monthly-job", value = "true", defaultValue = "true")
class MonthlyReportJob {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyReportJob.class);
    static final String USER = "monthly-job";
    static final String JOB = "monthly-report";

    private final ReportFiles files;
    private final ReportAudit audit;
    private final JobLeaseStore leases;
    private final Duration interval;
    private final ScoringSettingsService settings;
    private final Clock clock;
    private final Path directory;
    private final List<ReportFormat> formats;
    private final String language;
    private final UserRepository users;
    private final Notifications notifications;

    MonthlyReportJob(ReportFiles files, ReportAudit audit, JobLeaseStore leases, ScoringSettingsService settings,
                     UserRepository users, Notifications notifications, Clock clock,
                     @Value("${servicecoach.reports.directory:reports}") String directory,
                     @Value("${servicecoach.reports.monthly-formats:pdf,csv,xlsx}") String formats,
                     @Value("${servicecoach.reports.monthly-language:en}") String language,
                     @Value("${servicecoach.reports.monthly-check-interval:1h}") Duration interval) {
        this.files = files;
        this.audit = audit;
        this.leases = leases;
        this.interval = interval;
        this.settings = settings;
        this.clock = clock;
        this.directory = Path.of(directory);
        this.formats = ReportFormat.parseList(formats);
        this.language = language;
        this.users = users;
        this.notifications = notifications;
    }

    @Scheduled(initialDelay = "${servicecoach.jobs.initial-delay:1m}", fixedDelay = "${servicecoach.reports.monthly-check-interval:1h}")
    void run() {
        try {
            leases.runExclusively(JOB, interval, () -> {
                try {
                    writeIfMissing();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("The monthly report could not be written", e);
        }
    }

    /**
     * Writes last month's report unless all its files exist here or the database records that the monthly
     * job wrote each of its formats (on this or another instance); returns the files written.
     */
    List<Path> writeIfMissing() throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(settings.current().settings().orgZone()));
        ReportPeriod last = ReportPeriod.parse(YearMonth.from(today).minusMonths(1).toString());
        boolean complete = formats.stream().allMatch(f -> Files.exists(directory.resolve(ReportFiles.name(last, null, f))))
                || formats.stream().allMatch(f -> audit.exportedForAllTeams(USER, f.extension(), last));
        if (complete) {
            return List.of();
        }
        List<Path> written = files.write(USER, last, null, formats, directory, Messages.fromTag(language));
        LOG.info("Monthly report {} written: {}", last.label(), written);
        String link = "/reports/performance?from=" + last.from() + "&to=" + last.to();
        for (User hr : users.findByRoleOrderByUsername(Role.HR)) {
            if (hr.enabled()) {
                notifications.notify(hr.username(), "report.monthlyReady", "report.monthlyReady:" + last.label(), link,
                        List.of(last.label()), written.stream().map(Path::toAbsolutePath).toList());
            }
        }
        return written;
    }
}
