package com.servicecoach.notification;

import com.servicecoach.jobs.JobLeaseStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Runs {@link EmailOutbox#run()} every minute on one instance at a time ({@link JobLeaseStore}: the lease is
 * ten minutes, longer than a run may last, so another instance takes over only when this one has stopped).
 * Off when {@code servicecoach.mail.job} is false (tests call the outbox directly); idle while mail is not
 * configured.
 */
@Singleton
@Requires(property = "servicecoach.mail.job", value = "true", defaultValue = "true")
class EmailJob {

    private static final Logger LOG = LoggerFactory.getLogger(EmailJob.class);
    static final String JOB = "email";

    private final EmailOutbox outbox;
    private final MailSettings mail;
    private final JobLeaseStore leases;

    EmailJob(EmailOutbox outbox, MailSettings mail, JobLeaseStore leases) {
        this.outbox = outbox;
        this.mail = mail;
        this.leases = leases;
    }

    @Scheduled(initialDelay = "${servicecoach.jobs.initial-delay:1m}", fixedDelay = "${servicecoach.mail.interval:1m}")
    void run() {
        if (!mail.enabled()) {
            return;
        }
        try {
            leases.runExclusively(JOB, Duration.ofMinutes(10), () -> {
                EmailOutbox.Run r = outbox.run();
                if (r.queued() + r.digests() + r.sent() + r.failedAttempts() > 0) {
                    LOG.info("Email: {} notifications looked at, {} messages and {} digests queued, {} sent, {} attempts failed",
                            r.looked(), r.queued(), r.digests(), r.sent(), r.failedAttempts());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("The email job failed", e);
        }
    }
}
