package com.servicecoach.coaching;

import com.servicecoach.jobs.JobLeaseStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Runs {@link CoachingFollowUp#run()} every hour: owners told of their overdue actions, goals whose date has passed
 * closed and their agents told the outcome. Off when servicecoach.coaching.follow-up-job is false; tests call run()
 * directly with the test clock. Once across instances ({@link JobLeaseStore}).
 */
@Singleton
@Requires(property = "servicecoach.coaching.follow-up-job", value = "true", defaultValue = "true")
class CoachingFollowUpJob {

    private static final Logger LOG = LoggerFactory.getLogger(CoachingFollowUpJob.class);

    static final String JOB = "coaching-follow-up";

    private final CoachingFollowUp followUp;
    private final JobLeaseStore leases;
    private final Duration interval;

    CoachingFollowUpJob(CoachingFollowUp followUp, JobLeaseStore leases,
                        @Value("${servicecoach.coaching.follow-up-interval:1h}") Duration interval) {
        this.followUp = followUp;
        this.leases = leases;
        this.interval = interval;
    }

    @Scheduled(initialDelay = "${servicecoach.jobs.initial-delay:1m}", fixedDelay = "${servicecoach.coaching.follow-up-interval:1h}")
    void run() {
        try {
            leases.runExclusively(JOB, interval, () -> {
                CoachingFollowUp.Result r = followUp.run();
                if (r.goalsClosed() > 0 || r.notifications() > 0) {
                    LOG.info("Coaching follow-up: {} goals closed, {} notifications", r.goalsClosed(), r.notifications());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Coaching follow-up failed", e);
        }
    }
}
