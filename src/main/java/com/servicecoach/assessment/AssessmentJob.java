package com.servicecoach.assessment;

import com.servicecoach.jobs.JobLeaseStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Submits attempts whose time and grace period are over (every 30 seconds by default) and reviews
 * certifications (expiry warnings, renewals; hourly). Off when servicecoach.assessment.job is false;
 * tests call {@link AttemptService#closeExpired()} and {@link Certifications#review()} directly. Each runs once
 * across instances ({@link JobLeaseStore}).
 */
@Singleton
@Requires(property = "servicecoach.assessment.job", value = "true", defaultValue = "true")
class AssessmentJob {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentJob.class);

    static final String CLOSE_JOB = "assessment-auto-submit";
    static final String CERTIFICATION_JOB = "certification-review";

    private final AttemptService attempts;
    private final Certifications certifications;
    private final JobLeaseStore leases;
    private final Duration closeInterval;
    private final Duration certificationInterval;

    AssessmentJob(AttemptService attempts, Certifications certifications, JobLeaseStore leases,
                  @Value("${servicecoach.assessment.job-interval:30s}") Duration closeInterval,
                  @Value("${servicecoach.assessment.certification-interval:1h}") Duration certificationInterval) {
        this.attempts = attempts;
        this.certifications = certifications;
        this.leases = leases;
        this.closeInterval = closeInterval;
        this.certificationInterval = certificationInterval;
    }

    @Scheduled(initialDelay = "${servicecoach.jobs.initial-delay:30s}", fixedDelay = "${servicecoach.assessment.job-interval:30s}")
    void closeExpired() {
        try {
            leases.runExclusively(CLOSE_JOB, closeInterval, () -> {
                int n = attempts.closeExpired();
                if (n > 0) {
                    LOG.info("Assessments: {} attempts submitted at the end of their time", n);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Submitting expired attempts failed", e);
        }
    }

    @Scheduled(initialDelay = "${servicecoach.jobs.initial-delay:1m}", fixedDelay = "${servicecoach.assessment.certification-interval:1h}")
    void reviewCertifications() {
        try {
            leases.runExclusively(CERTIFICATION_JOB, certificationInterval, () -> {
                int n = certifications.review();
                if (n > 0) {
                    LOG.info("Certifications: {} flagged as expiring or renewed", n);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Reviewing certifications failed", e);
        }
    }
}
