package com.servicecoach.training;

import com.servicecoach.jobs.JobLeaseStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Runs {@link AssignmentService#sendReminders()} every hour (announcements to agents who joined a team
 * later, reminders of assignments due within 3 days). Off when servicecoach.training.reminder-job is false;
 * tests call sendReminders() directly with the test clock. Once across instances ({@link JobLeaseStore}).
 */
@Singleton
@Requires(property = "servicecoach.training.reminder-job", value = "true", defaultValue = "true")
class AssignmentReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentReminderJob.class);

    static final String JOB = "training-reminders";

    private final AssignmentService service;
    private final JobLeaseStore leases;
    private final Duration interval;

    AssignmentReminderJob(AssignmentService service, JobLeaseStore leases,
                          @Value("${servicecoach.training.reminder-interval:1h}") Duration interval) {
        this.service = service;
        this.leases = leases;
        this.interval = interval;
    }

    @Scheduled(initialDelay = "${servicecoach.jobs.initial-delay:1m}", fixedDelay = "${servicecoach.training.reminder-interval:1h}")
    void run() {
        try {
            leases.runExclusively(JOB, interval, () -> {
                int made = service.sendReminders();
                if (made > 0) {
                    LOG.info("Training reminders: {} notifications", made);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Training reminders failed", e);
        }
    }
}
