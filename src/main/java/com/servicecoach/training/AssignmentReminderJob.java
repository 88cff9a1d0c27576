package com.servicecoach.training;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AssignmentService#sendReminders()} every hour (announcements to agents who joined a team
 * later, reminders of assignments due within 3 days). Off when servicecoach.training.reminder-job is false;
 * tests call sendReminders() directly with the test clock.
 */
@Singleton
@Requires(property = "servicecoach.training.reminder-job", value = "true", defaultValue = "true")
class AssignmentReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentReminderJob.class);

    private final AssignmentService service;

    AssignmentReminderJob(AssignmentService service) {
        this.service = service;
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "${servicecoach.training.reminder-interval:1h}")
    void run() {
        try {
            int made = service.sendReminders();
            if (made > 0) {
                LOG.info("Training reminders: {} notifications", made);
            }
        } catch (RuntimeException e) {
            LOG.error("Training reminders failed", e);
        }
    }
}
